using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace CreateImageSdk.Package.Tests
{
    [Collection(PackageCollection.Name)]
    public class PackageContentTests
    {
        private readonly PackageFixture _package;

        public PackageContentTests(PackageFixture package) => _package = package;

        [Fact]
        public void Package_HoldsBothTargetsWithDocs_AndASymbolPackage()
        {
            using var zip = ZipFile.OpenRead(_package.PackagePath);
            var entries = zip.Entries.Select(e => e.FullName).ToList();

            foreach (var tfm in new[] { "netstandard2.0", "net8.0" })
            {
                Assert.Contains("lib/" + tfm + "/CreateImageSdk.dll", entries);
                Assert.Contains("lib/" + tfm + "/CreateImageSdk.xml", entries);
            }

            Assert.Contains("README.md", entries);
            // The rules analyzer and its fixes; the overlay generator and the libraries it reads schemas with, which the
            // build logic loads only for a project with an overlay (OverlayConsumerTests); never a lib/ dependency.
            Assert.Equal(
                new[]
                {
                    "analyzers/dotnet/cs/CreateImageSdk.Analyzers.dll", "analyzers/dotnet/cs/CreateImageSdk.CodeFixes.dll", "analyzers/dotnet/cs/CreateImageSdk.Generator.dll",
                    "analyzers/dotnet/cs/Namotion.Reflection.dll", "analyzers/dotnet/cs/Newtonsoft.Json.dll", "analyzers/dotnet/cs/NJsonSchema.Annotations.dll", "analyzers/dotnet/cs/NJsonSchema.dll",
                },
                entries.Where(e => e.StartsWith("analyzers/", System.StringComparison.Ordinal)).OrderBy(e => e, System.StringComparer.OrdinalIgnoreCase));
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal) && (e.EndsWith("NJsonSchema.dll", System.StringComparison.Ordinal) || e.EndsWith("Newtonsoft.Json.dll", System.StringComparison.Ordinal)));
            Assert.Contains("buildTransitive/CreateImageSdk.props", entries);
            Assert.Contains("buildTransitive/CreateImageSdk.targets", entries);
            Assert.Contains("buildTransitive/schemas/create-image-request.schema.json", entries);
            Assert.Contains("buildTransitive/schemas/image-common.schema.json", entries);
            Assert.True(File.Exists(Path.ChangeExtension(_package.PackagePath, ".snupkg")));
        }

        [Theory]
        [InlineData("CreateImageSdk.Analyzers.dll", new[] { "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "netstandard", "System.Collections.Immutable" })]
        [InlineData("CreateImageSdk.CodeFixes.dll", new[] { "CreateImageSdk.Analyzers", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis.CSharp.Workspaces", "Microsoft.CodeAnalysis.Workspaces", "netstandard", "System.Collections.Immutable", "System.Composition.AttributedModel" })]
        public void AnalyzerAssemblies_DependOnNothingButRoslyn(string file, string[] allowed)
        {
            using var zip = ZipFile.OpenRead(_package.PackagePath);
            using var stream = new MemoryStream();
            using (var entry = zip.GetEntry("analyzers/dotnet/cs/" + file)!.Open()) entry.CopyTo(stream);
            stream.Position = 0;
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();

            Assert.All(references, name => Assert.Contains(name, allowed));
            Assert.Contains("Microsoft.CodeAnalysis", references);
        }

        [Fact]
        public void Nuspec_HasMetadata_AndNoGeneratorDependencies()
        {
            using var zip = ZipFile.OpenRead(_package.PackagePath);
            using var stream = zip.GetEntry("CreateImageSdk.nuspec")!.Open();
            var nuspec = XDocument.Load(stream);
            var ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;

            Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
            Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
            Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "projectUrl")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
            Assert.Contains("openai", metadata.Element(ns + "tags")?.Value);
            Assert.Equal("https://github.com/createimagesdk/createimagesdk", (string?)metadata.Element(ns + "repository")?.Attribute("url"));

            var dependencies = metadata.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!).ToList();
            // netstandard2.0 only: what net8.0 has in the box (JSON, IAsyncEnumerable, ActivitySource and Meter).
            Assert.Equal(new[] { "Microsoft.Bcl.AsyncInterfaces", "System.Diagnostics.DiagnosticSource", "System.Text.Json" }, dependencies.OrderBy(d => d));
            var net8 = metadata.Descendants(ns + "group").Single(g => (string?)g.Attribute("targetFramework") == "net8.0");
            Assert.Empty(net8.Elements());
        }

        [Fact]
        public void XmlDocs_ExplainEnumMembersAndBuilderMethods_ForIntelliSense()
        {
            using var zip = ZipFile.OpenRead(_package.PackagePath);
            using var stream = zip.GetEntry("lib/net8.0/CreateImageSdk.xml")!.Open();
            var members = XDocument.Load(stream).Descendants("member").ToDictionary(m => (string)m.Attribute("name")!, m => m.Value);

            Assert.Contains("1792x1024", members["P:CreateImageSdk.ImageSize.Size1792x1024"]);
            Assert.Contains("dall-e-3", members["P:CreateImageSdk.ImageSize.Size1792x1024"]);
            // Each operation's rules, said per operation: hd is dall-e-3's for generations, and no edit model takes it.
            Assert.Contains("CreateImage: supported only by: dall-e-3.", members["P:CreateImageSdk.ImageQuality.Hd"]);
            Assert.Contains("EditImage: not accepted by any model.", members["P:CreateImageSdk.ImageQuality.Hd"]);
            Assert.Contains("dall-e-3", members["P:CreateImageSdk.ImageModel.DallE3"]);
            Assert.Contains("Not accepted by EditImage (POST images/edits).", members["P:CreateImageSdk.ImageModel.DallE3"]);
            Assert.Contains("1 to 10", members["M:CreateImageSdk.CreateImageRequestBuilder.WithCount(System.Int32)"]);
            Assert.Contains("quality", members["M:CreateImageSdk.CreateImageRequestBuilder.WithQuality(CreateImageSdk.ImageQuality)"]);
            Assert.Contains("Checks this request", members["M:CreateImageSdk.CreateImageRequest.Validate"]);
        }
    }
}
