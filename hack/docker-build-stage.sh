#!/usr/bin/env bash
# Runs the Dockerfile's build stage without a Docker engine (none runs on our machines): a fresh folder gets exactly
# what the stage's COPY lines copy (minus .dockerignore'd bin/obj), then its RUN lines run there. This proves the
# image's restore and publish steps work with the files the Dockerfile copies; the runtime stage only copies the result.
# Supports the instructions the build stage uses: FROM, WORKDIR, COPY, RUN (one line each).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
workdir=$context

stage=0
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    FROM*) stage=$((stage + 1)); [ "$stage" -gt 1 ] && break; continue ;;
    WORKDIR*) workdir=$context/${line#WORKDIR }; mkdir -p "$workdir" ;;
    COPY*)
      read -r -a words <<< "${line#COPY }"
      dest=${words[${#words[@]}-1]}
      case "$dest" in /*) target=$context$dest ;; *) target=$workdir/$dest ;; esac
      for src in "${words[@]:0:${#words[@]}-1}"; do
        if [ -d "$repo/$src" ]; then
          mkdir -p "$target"
          (cd "$repo/$src" && tar --exclude=bin --exclude=obj -cf - .) | (cd "$target" && tar -xf -)
        else
          mkdir -p "$target"
          cp "$repo/$src" "$target"
        fi
      done ;;
    RUN*) echo "+ ${line#RUN }"; (cd "$workdir" && sh -c "${line#RUN }") ;;
  esac
done < Dockerfile
echo "Dockerfile build stage: OK ($(du -sh "$workdir/out" | cut -f1) published)"
