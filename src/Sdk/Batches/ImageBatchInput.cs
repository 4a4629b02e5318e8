using System.Collections.Generic;
using System.IO;

namespace CreateImageSdk.Batches
{
    /// <summary>One batch's input: its endpoint, the custom ids in it, and the JSON Lines file to upload.</summary>
    public sealed class ImageBatchInput
    {
        private readonly byte[] _file;

        internal ImageBatchInput(string endpoint, IReadOnlyList<string> customIds, byte[] file)
        {
            Endpoint = endpoint;
            CustomIds = customIds;
            _file = file;
        }

        /// <summary>The endpoint all its requests go to.</summary>
        public string Endpoint { get; }

        /// <summary>The custom ids of its requests, in file order.</summary>
        public IReadOnlyList<string> CustomIds { get; }

        /// <summary>The size of its input file in bytes.</summary>
        public long Length => _file.Length;

        /// <summary>A read-only stream of the input file (<c>{custom_id, method, url, body}</c> per line).</summary>
        /// <returns>A new stream over the file.</returns>
        public Stream OpenRead() => new MemoryStream(_file, writable: false);

        internal byte[] Bytes => _file;
    }
}
