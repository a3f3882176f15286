using System;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Sdk;

namespace NetGen.Tests.Arguments;

internal static class ArgumentAssert
{
    /// <summary>
    /// Asserts that <paramref name="call"/> throws an <see cref="ArgumentException"/> whose message
    /// names <paramref name="expectedSize"/> as a whole number (so 5 is not found inside 15).
    /// </summary>
    public static void ThrowsNamingSize(Action call, int expectedSize, string misuse)
    {
        ArgumentException exception;
        try
        {
            call();
            throw new XunitException($"{misuse}: no exception, expected an ArgumentException naming {expectedSize}.");
        }
        catch (ArgumentException caught)
        {
            exception = caught;
        }
        Assert.True(Regex.IsMatch(exception.Message, $@"(?<!\d|\d\.){expectedSize}(?!\d|\.\d)"),
            $"{misuse}: the message does not name the expected size {expectedSize}: \"{exception.Message}\"");
    }
}
