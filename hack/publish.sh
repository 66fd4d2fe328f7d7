#!/bin/sh
# The one publish command: the Dockerfile runs it, and CI runs it to prove the image's build step works
# (no Docker engine runs on our machines).
set -eu
out=${1:-artifacts/publish}
dotnet publish NodeIpam.Operator/NodeIpam.Operator.csproj -c Release -o "$out" -p:UseAppHost=false
