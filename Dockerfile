# syntax=docker/dockerfile:1
# Build: the SDK image; run: the chiseled ASP.NET Core runtime (no shell, no package manager, non-root "app").
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore in its own layer: it changes only when a project file or a package version changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY NodeIpam.Operator/NodeIpam.Operator.csproj NodeIpam.Operator/
COPY NodeIpam.Runtime/NodeIpam.Runtime.csproj NodeIpam.Runtime/
ARG TARGETARCH
RUN dotnet restore NodeIpam.Operator/NodeIpam.Operator.csproj -p:PublishReadyToRun=true -r linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64)

COPY hack/publish.sh hack/
COPY NodeIpam.Operator/ NodeIpam.Operator/
COPY NodeIpam.Runtime/ NodeIpam.Runtime/
RUN RID=linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) sh hack/publish.sh out

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled
WORKDIR /app
COPY --from=build /src/out ./
# The chiseled images' non-root user ("app", UID 1654), numeric so runAsNonRoot can verify it.
USER 1654
ENTRYPOINT ["dotnet", "/app/NodeIpam.Operator.dll"]
CMD ["run"]
