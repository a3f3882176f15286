#!/usr/bin/env bash
# Regenerates Onnx.cs from onnx.proto with the protoc of the Google.Protobuf.Tools package that
# NetGen.Onnx.csproj references (restored into the NuGet cache, never shipped). The classes are
# internal: the package's API is ExportOnnx, not ONNX's message types.
# To move to a newer onnx.proto, copy it over this folder's (Debian's python3-onnx installs it under
# /usr/lib/python3/dist-packages/onnx/) and run this script.
set -euo pipefail
cd "$(dirname "$0")"

version=$(sed -n 's:.*Include="Google.Protobuf.Tools" Version="\([^"]*\)".*:\1:p' ../NetGen.Onnx.csproj)
dotnet restore ../NetGen.Onnx.csproj > /dev/null
case "$(uname -m)" in
    x86_64) platform=linux_x64 ;;
    aarch64) platform=linux_aarch64 ;;
    *) echo "no protoc in Google.Protobuf.Tools for $(uname -m)" >&2; exit 1 ;;
esac
[ "$(uname -s)" = Darwin ] && platform=macosx_x64
protoc="${NUGET_PACKAGES:-$HOME/.nuget/packages}/google.protobuf.tools/$version/tools/$platform/protoc"
chmod +x "$protoc"
"$protoc" --proto_path=. --csharp_out=. --csharp_opt=internal_access onnx.proto
echo "wrote $(pwd)/Onnx.cs with protoc $("$protoc" --version)"
