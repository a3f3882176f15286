using System;
using System.Runtime.InteropServices;

namespace NetGen.Tests.Kernels;

/// <summary>Pages mapped and protected through the operating system, for <see cref="PageEndMemory{T}"/>.</summary>
internal static class PageMapping
{
    /// <summary>Returns a region that <see cref="Allocate"/> mapped.</summary>
    public static void Free(nint region, nuint size)
    {
        if (OperatingSystem.IsWindows())
            _ = VirtualFree(region, 0, MemRelease);
        else
            _ = munmap(region, size);
    }

    /// <summary>Maps <paramref name="size"/> bytes, readable and writable, whole pages.</summary>
    public static nint Allocate(nuint size)
    {
        nint region = OperatingSystem.IsWindows()
            ? VirtualAlloc(0, size, MemCommit | MemReserve, PageReadWrite)
            : mmap(0, size, ProtRead | ProtWrite, MapPrivate | (OperatingSystem.IsMacOS() ? MapAnonymousMacOS : MapAnonymousLinux), -1, 0);
        if (region == 0 || region == -1)
            throw new InvalidOperationException($"Could not map {size} bytes: error {Marshal.GetLastPInvokeError()}.");
        return region;
    }

    /// <summary>Makes the pages from <paramref name="address"/> unreadable.</summary>
    public static void Protect(nint address, nuint size)
    {
        bool ok = OperatingSystem.IsWindows() ? VirtualProtect(address, size, PageNoAccess, out _) : mprotect(address, size, ProtNone) == 0;
        if (!ok)
            throw new InvalidOperationException($"Could not protect {size} bytes: error {Marshal.GetLastPInvokeError()}.");
    }

    private const int ProtNone = 0, ProtRead = 1, ProtWrite = 2, MapPrivate = 2, MapAnonymousLinux = 0x20, MapAnonymousMacOS = 0x1000;
    private const uint MemCommit = 0x1000, MemReserve = 0x2000, MemRelease = 0x8000, PageNoAccess = 1, PageReadWrite = 4;

    [DllImport("libc", SetLastError = true)]
    private static extern nint mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("libc", SetLastError = true)]
    private static extern int mprotect(nint address, nuint length, int protection);

    [DllImport("libc", SetLastError = true)]
    private static extern int munmap(nint address, nuint length);

    [DllImport("kernel32", SetLastError = true)]
    private static extern nint VirtualAlloc(nint address, nuint size, uint allocationType, uint protection);

    [DllImport("kernel32", SetLastError = true)]
    private static extern bool VirtualProtect(nint address, nuint size, uint protection, out uint oldProtection);

    [DllImport("kernel32", SetLastError = true)]
    private static extern bool VirtualFree(nint address, nuint size, uint freeType);
}
