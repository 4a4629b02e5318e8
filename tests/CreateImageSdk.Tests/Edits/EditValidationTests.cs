using System;
using System.Linq;
using System.Threading.Tasks;
using CreateImageSdk.Tests.Faults;
using Xunit;

namespace CreateImageSdk.Tests.Edits
{
    /// <summary>Every per-model rule of the edit schema, refused before anything reaches the (counting) server.</summary>
    public class EditValidationTests
    {
        private static ImageInput Square(int side = 256) => ImageInput.FromBytes(TestImages.Png(side, side));

        public static TheoryData<string, Func<ImageClient, EditImageRequestBuilder>, string> Refused() => new TheoryData<string, Func<ImageClient, EditImageRequestBuilder>, string>
        {
            { "dall-e-3", c => c.EditImage("otter", Square()).WithModel(ImageModel.DallE3), "model \"dall-e-3\" is not accepted by POST images/edits; use dall-e-2, gpt-image-1, gpt-image-1-mini, gpt-image-1.5, gpt-image-2, gpt-image-2-2026-04-21, chatgpt-image-latest." },
            { "dall-e-2 two images", c => c.EditImage("otter", Square(), Square()).WithModel(ImageModel.DallE2), "image has 2 items when model is dall-e-2; give at most 1 item." },
            { "dall-e-2 not square", c => c.EditImage("otter", ImageInput.FromBytes(TestImages.Png(300, 200), "wide.png")).WithModel(ImageModel.DallE2), "image \"wide.png\" is 300x200 when model is dall-e-2; a square image is required." },
            { "dall-e-2 jpeg", c => c.EditImage("otter", ImageInput.FromBytes(TestImages.Jpeg(), "photo.jpg")).WithModel(ImageModel.DallE2), "image \"photo.jpg\" is image/jpeg when model is dall-e-2; use image/png." },
            { "dall-e-2 too large", c => c.EditImage("otter", ImageInput.FromBytes(Padded(TestImages.Png(64, 64), 4 * 1024 * 1024 + 1), "big.png")).WithModel(ImageModel.DallE2), "image \"big.png\" is 4.0 MB when model is dall-e-2; at most 4 MB is accepted." },
            { "dall-e-2 input_fidelity", c => c.EditImage("otter", Square()).WithModel(ImageModel.DallE2).WithInputFidelity(InputFidelity.Low), "input_fidelity \"low\" is not supported when model is dall-e-2; leave it unset." },
            { "gpt-image-1-mini input_fidelity", c => c.EditImage("otter", Square()).WithModel(ImageModel.GptImage1Mini).WithInputFidelity(InputFidelity.High), "input_fidelity \"high\" is not supported when model is gpt-image-1-mini; leave it unset." },
            { "17 images", c => c.EditImage("otter", Enumerable.Range(0, 17).Select(_ => Square(16)).ToArray()), "image has 17 items; give at most 16 items." },
            { "no image", c => c.EditImage("otter"), "image has 0 items; give at least 1 item." },
            { "gif mask", c => c.EditImage("otter", Square()).WithMask(ImageInput.FromBytes(TestImages.Webp(), "mask.webp")), "mask \"mask.webp\" is image/webp; use image/png." },
            { "mask of another size", c => c.EditImage("otter", Square(256)).WithMask(ImageInput.FromBytes(TestImages.Png(128, 128), "mask.png")), "mask \"mask.png\" is 128x128; it must have the size of the first image (256x256)." },
            { "gpt size", c => c.EditImage("otter", Square()).WithSize(ImageSize.Size256x256), "size \"256x256\" is not allowed when model is one of gpt-image-1, gpt-image-1-mini, gpt-image-1.5, chatgpt-image-latest (or not set); allowed values: auto, 1024x1024, 1536x1024, 1024x1536." },
            { "gpt response_format", c => c.EditImage("otter", Square()).WithResponseFormat(ImageResponseFormat.Url), "response_format \"url\" is not supported when model is one of gpt-image-1, gpt-image-1-mini, gpt-image-1.5, gpt-image-2, gpt-image-2-2026-04-21, chatgpt-image-latest (or not set); leave it unset." },
            { "blank prompt", c => c.EditImage("   ", Square()), "prompt \"   \" must contain a character that is not whitespace." },
        };

        [Theory]
        [MemberData(nameof(Refused))]
        public async Task IsRefusedBeforeSending(string name, Func<ImageClient, EditImageRequestBuilder> build, string message)
        {
            await using var server = await FaultServer.StartAsync(Fault.Ok());
            using var client = FaultTests.Client(server);

            var ex = await Assert.ThrowsAsync<ImageRequestValidationException>(() => build(client).SendAsync(FaultTests.Bound()));

            Assert.True(ex.Violations.Any(v => v.Message.StartsWith(message, StringComparison.Ordinal)), name + ": " + string.Join(" | ", ex.Violations.Select(v => v.Message)));
            Assert.Equal(0, server.Attempts);
        }

        [Fact]
        public void ModelBuilders_OfferOnlyWhatTheModelTakesForEdits()
        {
            Assert.Null(typeof(GptImage1MiniEditRequestBuilder).GetMethod("WithInputFidelity"));
            Assert.NotNull(typeof(GptImage1_5EditRequestBuilder).GetMethod("WithInputFidelity"));
            Assert.Null(typeof(DallE2EditRequestBuilder).GetMethod("StreamAsync"));
            Assert.Null(typeof(DallE2EditRequestBuilder).GetMethod("WithOutputFormat"));
            Assert.NotNull(typeof(DallE2EditRequestBuilder).GetMethod("WithResponseFormat"));
            // dall-e-3 does not edit: it has no edit builder, and the general builder offers no UsingDallE3().
            Assert.Null(typeof(ImageClient).Assembly.GetType("CreateImageSdk.DallE3EditRequestBuilder"));
            Assert.DoesNotContain(typeof(EditImageRequestBuilder).GetMethods(), m => m.Name == "UsingDallE3");
            // Generation builders keep their names and their own rules (dall-e-3 generates; 1792x1024 is a generation size).
            Assert.NotNull(typeof(CreateImageRequestBuilder).GetMethod("UsingDallE3", System.Type.EmptyTypes));
            Assert.Contains(DallE2EditSize.Size512x512.Value, ImageSize.KnownValues);
            Assert.DoesNotContain("Size1792x1024", typeof(GptImage1_5EditSize).GetProperties().Select(p => p.Name));
        }

        [Fact]
        public async Task StreamingADallE2Edit_IsRefusedBeforeSending()
        {
            await using var server = await FaultServer.StartAsync(Fault.Ok());
            using var client = FaultTests.Client(server);

            var ex = await Assert.ThrowsAsync<ImageRequestValidationException>(async () =>
            {
                await foreach (var _ in client.EditImage("otter", Square()).WithModel(ImageModel.DallE2).StreamAsync(FaultTests.Bound()))
                {
                }
            });

            Assert.Contains(ex.Violations, v => v.Parameter == "stream" && v.Condition == "model is dall-e-2");
            Assert.Equal(0, server.Attempts);
        }

        private static byte[] Padded(byte[] png, int length)
        {
            var bytes = new byte[length];
            png.CopyTo(bytes, 0);
            return bytes;
        }
    }
}
