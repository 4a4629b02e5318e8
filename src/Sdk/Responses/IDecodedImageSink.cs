using System;

namespace CreateImageSdk.Responses
{
    /// <summary>
    /// Where the images of one answer go as their base64 text is decoded: to memory (<see cref="MemoryImageSink"/>) or
    /// to files (<see cref="FileImageSink"/>). The splicer calls <see cref="Begin"/>, then <see cref="GetSpan"/> and
    /// <see cref="Advance"/> as decoded bytes come, then <see cref="End"/>, for each <c>b64_json</c> value in order.
    /// </summary>
    internal interface IDecodedImageSink
    {
        /// <summary>An image starts; <paramref name="bodyBytesLeft"/> is what is left of the body when its length is known.</summary>
        void Begin(int index, long? bodyBytesLeft);

        /// <summary>Room for at least 3 decoded bytes (usually far more); what is written is committed by <see cref="Advance"/>.</summary>
        Span<byte> GetSpan(int sizeHint);

        /// <summary>Commits <paramref name="count"/> bytes written to the last <see cref="GetSpan"/>.</summary>
        void Advance(int count);

        /// <summary>The image's base64 text ended (and was valid).</summary>
        void End();

        /// <summary>How many images have started.</summary>
        int Count { get; }

        /// <summary>What the converter gets for the image at <paramref name="index"/> in place of its bytes.</summary>
        ReadOnlyMemory<byte> Take(int index);
    }
}
