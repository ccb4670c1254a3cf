# Builds and runs ProductRoles; docker-compose.yml runs it against SQL Server.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build runs `npm ci` for the front-end packages (package.json beside the web project).
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ProductRoles.Web/ProductRoles.Web.csproj src/ProductRoles.Web/
RUN dotnet restore src/ProductRoles.Web/ProductRoles.Web.csproj
COPY src/ src/
RUN dotnet publish src/ProductRoles.Web/ProductRoles.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "ProductRoles.Web.dll"]
