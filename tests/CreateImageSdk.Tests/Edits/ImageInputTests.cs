using System;
using System.IO;
using Xunit;

namespace CreateImageSdk.Tests.Edits
{
    public class ImageInputTests
    {
        [Fact]
        public void Png_IsDetectedFromItsBytes_WithItsSize()
        {
            var image = ImageInput.FromBytes(TestImages.Png(300, 200));

            Assert.Equal("image/png", image.MediaType);
            Assert.Equal("image.png", image.FileName);
            Assert.Equal(300, image.Width);
            Assert.Equal(200, image.Height);
            Assert.True(image.CanBeSentAgain);
        }

        [Fact]
        public void JpegAndWebp_AreDetectedWhateverTheirName()
        {
            Assert.Equal("image/jpeg", ImageInput.FromBytes(TestImages.Jpeg(), "photo.png").MediaType);
            Assert.Equal("image/webp", ImageInput.FromBytes(TestImages.Webp()).MediaType);
            Assert.Equal("image.webp", ImageInput.FromBytes(TestImages.Webp()).FileName);
            Assert.Null(ImageInput.FromBytes(TestImages.Jpeg()).Width);
        }

        [Theory]
        [InlineData("gif", "a GIF image")]
        [InlineData("text", "not an image this SDK recognises")]
        [InlineData("empty", "empty")]
        public void AnythingElse_IsRefusedWithAPlainSentence(string kind, string described)
        {
            var bytes = kind switch
            {
                "gif" => TestImages.Gif(),
                "text" => System.Text.Encoding.UTF8.GetBytes("hello, this is not an image at all"),
                _ => Array.Empty<byte>(),
            };

            var ex = Assert.Throws<ArgumentException>(() => ImageInput.FromBytes(bytes, "upload.bin"));

            Assert.Equal("bytes", ex.ParamName);
            Assert.StartsWith("The image 'upload.bin' is " + described + "; the image endpoints take PNG, JPEG or WebP images", ex.Message);
        }

        [Fact]
        public void File_IsNamedAfterItself_AndReadOnlyForItsHeader()
        {
            var path = Path.Combine(Path.GetTempPath(), "cis-" + Guid.NewGuid().ToString("N") + ".png");
            File.WriteAllBytes(path, TestImages.Png(64, 64));
            try
            {
                var image = ImageInput.FromFile(path);

                Assert.Equal(Path.GetFileName(path), image.FileName);
                Assert.Equal(new FileInfo(path).Length, image.Length);
                Assert.Equal(64, image.Width);
                Assert.Contains("MediaType = image/png", image.ToString());
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void MissingFile_SaysWhichFile()
        {
            var ex = Assert.Throws<FileNotFoundException>(() => ImageInput.FromFile("no-such-image.png"));

            Assert.Equal("The image file 'no-such-image.png' does not exist.", ex.Message);
        }

        [Fact]
        public void Streams_SeekableOrNot_KeepTheirPosition_AndSayWhetherTheyCanBeResent()
        {
            var bytes = TestImages.Png(8, 8);
            var seekable = new MemoryStream(bytes);
            var fromSeekable = ImageInput.FromStream(seekable);
            Assert.Equal(0, seekable.Position);
            Assert.True(fromSeekable.CanBeSentAgain);
            Assert.Equal(bytes.Length, fromSeekable.Length);

            var forwardOnly = ImageInput.FromStream(new ForwardOnlyStream(bytes));
            Assert.False(forwardOnly.CanBeSentAgain);
            Assert.Null(forwardOnly.Length);
            Assert.Equal("image/png", forwardOnly.MediaType);
        }
    }

    /// <summary>A stream that reads forward only, like a network or pipe stream.</summary>
    internal sealed class ForwardOnlyStream : Stream
    {
        private readonly MemoryStream _inner;

        public ForwardOnlyStream(byte[] bytes) => _inner = new MemoryStream(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
