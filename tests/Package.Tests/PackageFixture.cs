using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace CreateImageSdk.Package.Tests
{
    /// <summary>
    /// Packs the SDK once per test run, with a version of its own so the NuGet cache can never hand a
    /// consumer a stale copy, into a folder feed that consumer projects restore from.
    /// </summary>
    public sealed class PackageFixture : IAsyncLifetime
    {
        public string Version { get; } = "1.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

        public string Root { get; } = Path.Combine(Path.GetTempPath(), "createimagesdk-package-tests", Guid.NewGuid().ToString("N"));

        public string Feed => Path.Combine(Root, "feed");

        public string PackagePath => Path.Combine(Feed, "CreateImageSdk." + Version + ".nupkg");

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Feed);
            // Pack from a copy of the sources: building the repository's own src/ with another version would
            // overwrite the assemblies other test projects are running from.
            var source = Path.Combine(Root, "source");
            CopySources(DotNet.RepoRoot, source);
            var pack = await DotNet.RunAsync(source, "pack", "src/Sdk/CreateImageSdk.csproj", "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-nodeReuse:false");
            Assert.True(pack.ExitCode == 0, "dotnet pack failed: " + pack);
            Assert.True(File.Exists(PackagePath), "no package at " + PackagePath + "\n" + pack);
            var extensions = await DotNet.RunAsync(source, "pack", "src/Extensions/CreateImageSdk.Extensions.csproj", "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-nodeReuse:false");
            Assert.True(extensions.ExitCode == 0, "dotnet pack of the extensions failed: " + extensions);
        }

        private static void CopySources(string repository, string destination) => CopySources(repository, destination, "src", "schemas");

        /// <summary>The repository's build settings and the given folders (without bin/ and obj/), to build a copy apart from the repository's own output.</summary>
        internal static void CopySources(string repository, string destination, params string[] folders)
        {
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "nuget.config", "global.json", "README.md" })
            {
                Directory.CreateDirectory(destination);
                File.Copy(Path.Combine(repository, file), Path.Combine(destination, file));
            }

            foreach (var folder in folders)
            {
                foreach (var file in Directory.EnumerateFiles(Path.Combine(repository, folder), "*", SearchOption.AllDirectories))
                {
                    var relative = Path.GetRelativePath(repository, file);
                    var parts = relative.Split(Path.DirectorySeparatorChar);
                    if (parts.Contains("bin") || parts.Contains("obj")) continue;
                    var target = Path.Combine(destination, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                }
            }
        }

        /// <summary>Writes a consumer project that references the package by version from the feed (and the registry for the rest).</summary>
        public string CreateConsumer(string name, string targetFramework, string extraProperties = "", params (string File, string Source)[] files) =>
            CreateConsumer(name, targetFramework, "Microsoft.NET.Sdk", "CreateImageSdk", extraProperties, string.Empty, files);

        /// <summary>A consumer of another project SDK (Microsoft.NET.Sdk.Web, say), referencing <paramref name="package"/> and more packages.</summary>
        public string CreateConsumer(string name, string targetFramework, string sdk, string package, string extraProperties, string extraItems, params (string File, string Source)[] files)
        {
            var directory = Path.Combine(Root, name);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{Feed}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                </configuration>
                """);
            // Keep the repository's build settings (central versions, analyzers) out of the consumer.
            File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />");
            File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
                <Project Sdk="{sdk}">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>{targetFramework}</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <NuGetAudit>false</NuGetAudit>
                    {extraProperties}
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{package}" Version="{Version}" />
                    {extraItems}
                  </ItemGroup>
                </Project>
                """);
            foreach (var (file, source) in files) File.WriteAllText(Path.Combine(directory, file), source);
            return directory;
        }

        public Task DisposeAsync()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the folder is under the temp directory anyway.
            }

            return Task.CompletedTask;
        }
    }

    [CollectionDefinition(Name)]
    public sealed class PackageCollection : ICollectionFixture<PackageFixture>
    {
        public const string Name = "package";
    }
}
