# Build: docker build -t oci-operator:latest .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props OciOperator.sln ./
COPY src/ src/
RUN dotnet publish src/OciOperator/OciOperator.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
USER 65532:65532
EXPOSE 8080 8081
ENTRYPOINT ["dotnet", "/app/oci-operator.dll"]
CMD ["run"]
