using System.Threading.Tasks;
using Xunit;
using static CreateImageSdk.Analyzers.Tests.ModelRulesVerifier;

namespace CreateImageSdk.Analyzers.Tests
{
    /// <summary>
    /// The edit operation is checked with its own rules, found through the attributes the generator emits: the same
    /// ImageModel and ImageSize values, judged differently than for generations.
    /// </summary>
    public sealed class EditRulesAnalyzerTests
    {
        [Fact]
        public async Task InputFidelity_ForGptImage1Mini_IsReportedInAnEditChain()
        {
            var source = Program("""
                        var image = ImageInput.FromFile("otter.png");
                        await {|#1:client.EditImage("beret", image).WithModel(ImageModel.GptImage1Mini).WithInputFidelity({|#0:InputFidelity.High|})|}.SendAsync();

                """);

            await VerifyAsync(source, Diagnostic(ModelRuleDescriptors.ForbiddenParameter).WithLocation(0).WithLocation(1)
                .WithMessage("input_fidelity is not supported by model 'gpt-image-1-mini'; remove it"));
        }

        [Fact]
        public async Task AGenerationOnlySize_IsReportedForEdits_ButNotForGenerations()
        {
            var source = Program("""
                        var image = ImageInput.FromFile("otter.png");
                        await client.EditImage("beret", image).WithModel(ImageModel.DallE2).WithSize({|CIA001:ImageSize.Size1024x1792|}).SendAsync();
                        await client.CreateImage("beret").WithModel(ImageModel.DallE3).WithSize(ImageSize.Size1024x1792).SendAsync();
                        _ = new EditImageRequest { Prompt = "beret", Images = new[] { image }, Model = ImageModel.DallE2, Quality = {|CIA001:ImageQuality.Hd|} };

                """);

            await VerifyAsync(source);
        }

        [Fact]
        public async Task EditRangesHoldWithoutAModel()
        {
            var source = Program("""
                        var image = ImageInput.FromFile("otter.png");
                        _ = client.EditImage("beret", image).WithPartialImages({|CIA003:4|});

                """);

            await VerifyAsync(source);
        }

        [Fact]
        public async Task TooManyImagesForTheModel_IsReported()
        {
            var source = Program("""
                        var image = ImageInput.FromFile("otter.png");
                        await client.EditImage("beret", {|#0:image, image|}).WithModel(ImageModel.DallE2).SendAsync();
                        await client.EditImage("beret", image).WithModel(ImageModel.DallE2).SendAsync();
                        await client.EditImage("beret", image, image).WithModel(ImageModel.GptImage1_5).SendAsync();

                """);

            await VerifyAsync(source, Diagnostic(ModelRuleDescriptors.OutOfRange).WithLocation(0)
                .WithMessage("image = 2 items is not allowed for model 'dall-e-2' (at most 1 item)"));
        }

        [Fact]
        public async Task NoImageOrSeventeen_IsReportedForAnyModel()
        {
            var source = Program("""
                        var i = ImageInput.FromFile("otter.png");
                        _ = {|#0:client.EditImage("beret")|};
                        _ = new EditImageRequest { Prompt = "beret", Images = {|#1:new[] { i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i }|} };

                """);

            await VerifyAsync(source,
                Diagnostic(ModelRuleDescriptors.OutOfRange).WithLocation(0).WithMessage("image = 0 items is not allowed for any model (at least 1 item)"),
                Diagnostic(ModelRuleDescriptors.OutOfRange).WithLocation(1).WithMessage("image = 17 items is not allowed for any model (at most 16 items)"));
        }
    }
}
