using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CreateImageSdk.Rules;
using Xunit;

namespace CreateImageSdk.Tests
{
    /// <summary>The generated parameter tables: one entry per schema property, read from text as each kind needs.</summary>
    public class ParameterTableTests
    {
        public static IEnumerable<object[]> Tables() => new[]
        {
            new object[] { typeof(CreateImageRequest), CreateImageRequest.Parameters.Select(p => (p.WireName, p.PropertyName)).ToList() },
            new object[] { typeof(EditImageRequest), EditImageRequest.Parameters.Select(p => (p.WireName, p.PropertyName)).ToList() },
            new object[] { typeof(EditImageWithReferencesRequest), EditImageWithReferencesRequest.Parameters.Select(p => (p.WireName, p.PropertyName)).ToList() },
        };

        [Theory]
        [MemberData(nameof(Tables))]
        public void Each_request_lists_every_parameter_its_schema_has_in_order(Type request, List<(string WireName, string PropertyName)> table)
        {
            var properties = request.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => (Property: p, Wire: p.GetCustomAttribute<WireNameAttribute>()?.Name))
                .Where(p => p.Wire != null)
                .OrderBy(p => p.Property.MetadataToken)
                .Select(p => (p.Wire!, p.Property.Name))
                .ToList();

            Assert.NotEmpty(properties);
            Assert.Equal(properties, table);
        }

        [Fact]
        public void Text_is_read_as_each_kind_needs()
        {
            var request = new CreateImageRequest { Prompt = "otter" };
            ImageParameter<CreateImageRequest> P(string wire) => CreateImageRequest.Parameters.Single(p => p.WireName == wire);

            request = P("n").WithText(request, " 4 ");
            request = P("quality").WithText(request, "xhigh");
            request = P("size").WithText(request, " 1536x864 ");
            request = P("model").WithText(request, "gpt-image-2");
            request = P("stream").WithText(request, "yes");
            request = P("user").WithText(request, "user-1");
            request = P("prompt").WithText(request, "a fox");

            Assert.Equal(4, request.Count);
            Assert.Equal("xhigh", request.Quality?.Value);
            Assert.False(request.Quality?.IsKnown);
            Assert.Equal(ImageSize.Custom(1536, 864), request.Size);
            Assert.Equal(ImageModel.GptImage2, request.Model);
            Assert.True(request.Stream);
            Assert.Equal("user-1", request.User);
            Assert.Equal("a fox", request.Prompt);
            Assert.True(P("size").IsSet(request));
            Assert.False(P("style").IsSet(request));
            Assert.Equal(ImageSize.Auto, P("size").WithText(request, "auto").Size);
        }

        [Theory]
        [InlineData("n", "four", "n 'four' is not a whole number.")]
        [InlineData("stream", "maybe", "stream 'maybe' is not valid; allowed values: true, false.")]
        [InlineData("quality", "  ", "quality is empty; give a value.")]
        [InlineData("output_compression", "1.5", "output_compression '1.5' is not a whole number.")]
        public void Text_that_is_not_the_kind_is_refused_with_a_sentence_naming_the_parameter(string wire, string text, string expected)
        {
            var parameter = CreateImageRequest.Parameters.Single(p => p.WireName == wire);
            var request = new CreateImageRequest { Prompt = "otter" };

            Assert.False(parameter.TryWithText(request, text, out var unchanged, out var problem));
            Assert.Same(request, unchanged);
            Assert.Equal(expected, problem);
            var ex = Assert.Throws<ArgumentException>(() => parameter.WithText(request, text));
            Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Kinds_and_flags_come_from_the_schema()
        {
            var generation = CreateImageRequest.Parameters.ToDictionary(p => p.WireName);
            Assert.Equal(ImageParameterKind.Text, generation["prompt"].Kind);
            Assert.True(generation["prompt"].IsRequired);
            Assert.True(generation["model"].IsModel);
            Assert.Equal(ImageParameterKind.Integer, generation["n"].Kind);
            Assert.Equal(ImageParameterKind.Boolean, generation["stream"].Kind);
            Assert.Equal(ImageParameterKind.Value, generation["quality"].Kind);
            Assert.Equal(ImageQuality.KnownValues.Select(v => v.Value), generation["quality"].KnownValues);
            Assert.Equal(new[] { "stream", "partial_images" }, generation.Values.Where(p => p.NeedsStream).Select(p => p.WireName));
            Assert.Equal(new[] { "model" }, generation.Values.Where(p => p.IsModel).Select(p => p.WireName));

            var edit = EditImageRequest.Parameters.ToDictionary(p => p.WireName);
            Assert.Equal(ImageParameterKind.Images, edit["image"].Kind);
            Assert.Equal(ImageParameterKind.Image, edit["mask"].Kind);
            Assert.False(edit["image"].AcceptsText);
            var ex = Assert.Throws<InvalidOperationException>(() => edit["mask"].WithText(new EditImageRequest { Prompt = "p", Images = Array.Empty<ImageInput>() }, "mask.png"));
            Assert.Contains("set Mask instead", ex.Message);

            var references = EditImageWithReferencesRequest.Parameters.ToDictionary(p => p.WireName);
            Assert.Equal(ImageParameterKind.ImageReferences, references["images"].Kind);
            Assert.Equal(ImageParameterKind.ImageReference, references["mask"].Kind);
        }

        [Theory]
        [InlineData("1024x1024", true, "1024x1024", true)]
        [InlineData(" 1536x864 ", true, "1536x864", false)]
        [InlineData("auto", true, "auto", true)]
        [InlineData("0x512", false, null, false)]
        [InlineData("-5x5", false, null, false)]
        [InlineData("1024", false, null, false)]
        [InlineData("big", false, null, false)]
        [InlineData(null, false, null, false)]
        public void ImageSize_TryParse_reads_known_values_and_free_sizes(string? text, bool parsed, string? wire, bool known)
        {
            Assert.Equal(parsed, ImageSize.TryParse(text, out var size));
            Assert.Equal(wire ?? string.Empty, size.Value);
            Assert.Equal(known, size.IsKnown);
        }

        [Fact]
        public void Every_request_is_an_IImageRequest_with_the_members_all_share()
        {
            IImageRequest[] requests =
            {
                new CreateImageRequest { Prompt = "a", Quality = ImageQuality.Low, Count = 11 },
                new EditImageRequest { Prompt = "b", Images = Array.Empty<ImageInput>(), Quality = ImageQuality.Low, Count = 11 },
                new EditImageWithReferencesRequest { Prompt = "c", Images = Array.Empty<ImageReference>(), Quality = ImageQuality.Low, Count = 11 },
            };

            Assert.All(requests, r => Assert.Equal(ImageQuality.Low, r.Quality));
            Assert.All(requests, r => Assert.Contains(r.Validate(), v => v.Parameter == "n"));
            var shared = typeof(IImageRequest).GetProperties().Select(p => p.Name).ToList();
            Assert.Contains("Prompt", shared);
            Assert.DoesNotContain("Style", shared);          // generations only
            Assert.DoesNotContain("InputFidelity", shared);  // edits only
        }
    }
}
