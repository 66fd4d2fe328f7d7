#!/usr/bin/env bash
# make deploy / make undeploy: renders config/default with the image set by a throw-away kustomize overlay
# (so the committed config/ never changes), then applies or deletes it with kubectl.
# Usage: hack/deploy.sh apply IMAGE [kubectl flags...] | hack/deploy.sh delete [kubectl flags...]
set -euo pipefail
cd "$(dirname "$0")/.."

action=${1:?usage: hack/deploy.sh apply IMAGE | delete}
shift
if [ "$action" = delete ]; then
  exec kubectl delete -k config/default --ignore-not-found "$@"
fi
[ "$action" = apply ] || { echo "deploy: unknown action '$action'" >&2; exit 2; }

image=${1:?usage: hack/deploy.sh apply IMAGE}
shift
# Split registry/name[:tag][@digest]; a colon before the last slash is a registry port, not a tag.
name=$image digest="" tag=""
case "$name" in *@*) digest=${name#*@}; name=${name%@*} ;; esac
last=${name##*/}
case "$last" in *:*) tag=${last##*:}; name=${name%:*} ;; esac

overlay=.deploy
rm -rf "$overlay" && mkdir -p "$overlay"
{
  echo "resources:"
  echo "  - ../config/default"
  echo "images:"
  echo "  - name: nodeipam-operator"
  echo "    newName: $name"
  if [ -n "$tag" ]; then echo "    newTag: \"$tag\""; fi
  if [ -n "$digest" ]; then echo "    digest: $digest"; fi
} > "$overlay/kustomization.yaml"
kubectl apply -k "$overlay" "$@"
