# The operator image: a self-contained, trimmed .NET build on Ubuntu's chiseled runtime-deps base (no shell, no
# package manager), running as the non-root user 65532, fit for a read-only root file system (it writes nothing;
# the Deployment in config/manager mounts an emptyDir at /tmp for .NET's diagnostics socket).
# Build from the repository root, tagged with the version config/manager/kustomization.yaml names:
#   docker build -t ghcr.io/oci-operator/oci-operator:v0.1.0 .
# Multi-arch: docker buildx build --platform linux/amd64,linux/arm64 -t ... .
# Base images are pinned by version: the SDK that CI uses and the runtime it ships with.

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0.401-noble AS build
ARG TARGETARCH
WORKDIR /src

# Restore layer: only the files restore reads, so editing code does not invalidate the package cache. The build
# props and .editorconfig carry the same analyzer settings as CI (warnings are errors, code style enforced).
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/OciOperator/OciOperator.csproj src/OciOperator/
COPY src/OciOperator.Cel/OciOperator.Cel.csproj src/OciOperator.Cel/
COPY src/OciOperator.Mysql/OciOperator.Mysql.csproj src/OciOperator.Mysql/
COPY src/OciOperator.Oci/OciOperator.Oci.csproj src/OciOperator.Oci/
COPY src/OciOperator.ResourceGraph/OciOperator.ResourceGraph.csproj src/OciOperator.ResourceGraph/
COPY src/OciOperator.Runtime/OciOperator.Runtime.csproj src/OciOperator.Runtime/
COPY src/OciOperator.Sandbox.Hosting/OciOperator.Sandbox.Hosting.csproj src/OciOperator.Sandbox.Hosting/
COPY src/OciOperator.Sandbox.Kube/OciOperator.Sandbox.Kube.csproj src/OciOperator.Sandbox.Kube/
COPY src/OciOperator.Sandbox.Oci/OciOperator.Sandbox.Oci.csproj src/OciOperator.Sandbox.Oci/
COPY src/OciOperator.Schemas/OciOperator.Schemas.csproj src/OciOperator.Schemas/
RUN case "$TARGETARCH" in arm64) echo linux-arm64 ;; *) echo linux-x64 ;; esac > /rid \
    && dotnet restore src/OciOperator/OciOperator.csproj -r "$(cat /rid)" -p:ContainerPublish=true

COPY src/ src/
# The walkthrough `oci-operator sandbox --demo` applies is embedded in the binary from config/samples.
COPY config/samples/osok_kro_demo_rgd.yaml config/samples/osok_kro_demo.yaml config/samples/
# ContainerPublish (src/OciOperator/OciOperator.csproj): self-contained, trimmed (our and reflection-based
# libraries rooted whole), invariant globalization.
RUN dotnet publish src/OciOperator/OciOperator.csproj -c Release -r "$(cat /rid)" --no-restore -p:ContainerPublish=true -o /app

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0.12-noble-chiseled
WORKDIR /app
COPY --from=build /app ./
USER 65532:65532
EXPOSE 8080 8081
ENTRYPOINT ["/app/oci-operator"]
CMD ["run"]
