# Node IPAM LoadBalancer operator. `make help` lists the targets.
CONFIGURATION ?= Release
IMG ?= nodeipam-operator:latest
ARGS ?=
# make install-plugin: where the kubectl-nodeipam launcher goes (on PATH) and where the operator it runs is published.
BINDIR ?= $(HOME)/.local/bin
PLUGIN_LIBDIR ?= $(abspath $(BINDIR)/../lib/nodeipam)

.DEFAULT_GOAL := help

##@ General

.PHONY: help
help: ## Show this help.
	@awk 'BEGIN {FS = ":.*##"; printf "Usage: make <target>\n"} /^[a-zA-Z_-]+:.*?##/ { printf "  %-16s %s\n", $$1, $$2 } /^##@/ { printf "\n%s\n", substr($$0, 5) }' $(MAKEFILE_LIST)

##@ Development

.PHONY: demo
demo: ## The playground: simulator + operator, no cluster needed. ARGS=--once exits after the Services settle.
	dotnet run --project NodeIpam.Playground -c $(CONFIGURATION) -- $(ARGS)

.PHONY: simulator
simulator: ## Only the Kubernetes API simulator (kubeconfig in .demo/simulator.kubeconfig): make simulator ARGS="--seed config/samples".
	mkdir -p .demo
	dotnet run --project NodeIpam.Simulator -c $(CONFIGURATION) -- serve --kubeconfig-out .demo/simulator.kubeconfig $(ARGS)

.PHONY: run
run: ## Run the operator against the cluster of your kubeconfig (KUBECONFIG or ~/.kube/config): make run ARGS="--workers 4".
	dotnet run --project NodeIpam.Operator -c $(CONFIGURATION) -- run $(ARGS)

.PHONY: plan
plan: ## Explain the Services of your cluster (read-only; ARGS="svc/web -n shop"), or of a dump: make plan ARGS="-f dump.yaml".
	dotnet run --project NodeIpam.Operator -c $(CONFIGURATION) -- plan $(ARGS)

.PHONY: install-plugin
install-plugin: ## Install the kubectl plugin: BINDIR/kubectl-nodeipam (default ~/.local/bin), so `kubectl nodeipam plan svc/web -n shop` explains a live Service.
	sh hack/install-plugin.sh "$(abspath $(BINDIR))" "$(PLUGIN_LIBDIR)"

.PHONY: build
build: ## Build every project.
	dotnet build NodeIpam.sln -c $(CONFIGURATION)

.PHONY: test
test: ## Run all tests (unit, golden files, simulator and kubectl integration); ends with "N passed, N failed".
	CONFIGURATION=$(CONFIGURATION) hack/test.sh

.PHONY: golden
golden: ## Rewrite the plan golden files from the code (then read the diff: it is the review).
	UPDATE_GOLDEN=1 dotnet test NodeIpam.Operator.Tests --filter "FullyQualifiedName~PlanGolden"

.PHONY: fmt
fmt: ## Format the code (dotnet format).
	dotnet format NodeIpam.sln

.PHONY: lint
lint: ## Fail when the code is not formatted.
	dotnet format NodeIpam.sln --verify-no-changes

.PHONY: manifests
manifests: ## Regenerate config/rbac from the [EntityRbac] attributes in the code.
	dotnet run --project NodeIpam.Operator -c $(CONFIGURATION) -- generate manifests --out config

##@ Benchmarks (commands that print figures; not tests)

.PHONY: bench
bench: ## Benchmark the address selection (BenchmarkDotNet): 5,000 nodes, 1,000 EndpointSlices.
	dotnet run --project NodeIpam.Benchmarks -c Release -- domain $(ARGS)

.PHONY: bench-scale
bench-scale: ## The published operator on the simulator (HTTPS, as a real API server; ARGS=--plain-http to compare) at 5,000 nodes / 2,000 Services (ARGS=--small: 500/200); table + artifacts/bench-scale.json.
	sh hack/publish.sh artifacts/publish
	dotnet run --project NodeIpam.Benchmarks -c Release -- scale --operator artifacts/publish/NodeIpam.Operator.dll $(ARGS)

.PHONY: soak
soak: ## Soak: two operators, random churn, faults and a leader hand-over (default 3 min; ARGS="--minutes 10"); exit 1 on a violation.
	dotnet run --project NodeIpam.Benchmarks -c Release -- soak $(ARGS)

##@ Build and deploy

.PHONY: publish
publish: ## Publish the operator exactly as the Dockerfile does (into artifacts/publish).
	hack/publish.sh artifacts/publish

.PHONY: docker-build-check
docker-build-check: ## Run the Dockerfile's build stage (its COPY set, restore and publish) without a Docker engine; CI runs it.
	hack/docker-build-stage.sh

.PHONY: docker-build
docker-build: ## Build the container image: make docker-build IMG=registry.example.com/nodeipam-operator:v0.1.0.
	docker build -t $(IMG) .

.PHONY: docker-push
docker-push: ## Push the container image.
	docker push $(IMG)

.PHONY: deploy
deploy: ## Deploy to the cluster of your kubeconfig with kustomize: make deploy IMG=registry.example.com/nodeipam-operator:v0.1.0.
	hack/deploy.sh apply $(IMG)

.PHONY: undeploy
undeploy: ## Remove everything make deploy created.
	hack/deploy.sh delete
