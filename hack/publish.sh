#!/bin/sh
# The one publish command: the Dockerfile runs it, and CI runs it to prove the image's build step works
# (no Docker engine runs on our machines).
set -eu
out=${1:-artifacts/publish}
# ReadyToRun: the operator's and its libraries' code is compiled ahead of time (for RID, default linux-x64; the IL
# stays, so another architecture still runs it, JIT-compiled): make bench-scale measured the first status write
# 0.5 s sooner after start and 10 MB less memory than with JIT alone.
rid=${RID:-linux-x64}
dotnet publish NodeIpam.Operator/NodeIpam.Operator.csproj -c Release -o "$out" -r "$rid" --self-contained false \
  -p:PublishReadyToRun=true -p:UseAppHost=false
