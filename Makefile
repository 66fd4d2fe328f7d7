# Node IPAM LoadBalancer operator. `make help` lists the targets.
CONFIGURATION ?= Release
IMG ?= nodeipam-operator:latest
ARGS ?=

.DEFAULT_GOAL := help

##@ General

.PHONY: help
help: ## Show this help.
	@awk 'BEGIN {FS = ":.*##"; printf "Usage: make <target>\n"} /^[a-zA-Z_-]+:.*?##/ { printf "  %-16s %s\n", $$1, $$2 } /^##@/ { printf "\n%s\n", substr($$0, 5) }' $(MAKEFILE_LIST)

##@ Development

.PHONY: build
build: ## Build every project.
	dotnet build NodeIpam.sln -c $(CONFIGURATION)

.PHONY: test
test: ## Run all tests (unit, golden files, simulator and kubectl integration); ends with "N passed, N failed".
	CONFIGURATION=$(CONFIGURATION) hack/test.sh

.PHONY: fmt
fmt: ## Format the code (dotnet format).
	dotnet format NodeIpam.sln

.PHONY: lint
lint: ## Fail when the code is not formatted.
	dotnet format NodeIpam.sln --verify-no-changes
