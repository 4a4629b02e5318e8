using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using CreateImageSdk.Http;

namespace CreateImageSdk.Uploads
{
    /// <summary>
    /// The <c>multipart/form-data</c> body of <c>POST /v1/files</c>: a <c>purpose</c> field and the file, streamed from
    /// its source while each attempt is written (a path is opened afresh per attempt; a stream is rewound if it can be).
    /// </summary>
    internal sealed class FileUploadBody : RequestBody
    {
        private readonly string _purpose;
        private readonly string _fileName;
        private readonly string _mediaType;
        private readonly string? _path;
        private readonly Stream? _stream;
        private readonly long _start;
        private int _attempts;

        public FileUploadBody(string purpose, string fileName, string mediaType, string? path, Stream? stream)
        {
            _purpose = purpose;
            _fileName = fileName;
            _mediaType = mediaType;
            _path = path;
            _stream = stream;
            _start = stream is { CanSeek: true } ? stream.Position : 0;
        }

        public override string? NotResendableReason =>
            _stream is { CanSeek: false } ? "the file '" + _fileName + "' comes from a stream that cannot seek, so the upload cannot be sent again" : null;

        public override HttpContent CreateContent()
        {
            var content = new MultipartFormDataContent("----CreateImageSdk" + Guid.NewGuid().ToString("N"));
            var purpose = new StringContent(_purpose);
            purpose.Headers.ContentType = null;
            purpose.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = MultipartForm.Quote("purpose") };
            content.Add(purpose);

            Stream source;
            if (_path != null)
            {
                source = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            }
            else
            {
                if (_attempts++ > 0)
                {
                    if (!_stream!.CanSeek) throw new InvalidOperationException("The file '" + _fileName + "' comes from a stream that cannot seek and was already sent; pass a path or a seekable stream to send it again.");
                    _stream.Position = _start;
                }

                source = new NotDisposing(_stream!);
            }

            var file = new StreamContent(source, 81920);
            file.Headers.ContentType = new MediaTypeHeaderValue(_mediaType);
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = MultipartForm.Quote("file"), FileName = MultipartForm.Quote(_fileName) };
            content.Add(file);
            return content;
        }

        /// <summary>The caller's stream, left open when the request content is disposed.</summary>
        private sealed class NotDisposing : Stream
        {
            private readonly Stream _inner;

            public NotDisposing(Stream inner) => _inner = inner;

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

            public override System.Threading.Tasks.Task<int> ReadAsync(byte[] buffer, int offset, int count, System.Threading.CancellationToken cancellationToken) =>
                _inner.ReadAsync(buffer, offset, count, cancellationToken);

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
