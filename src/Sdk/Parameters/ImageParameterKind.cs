namespace CreateImageSdk
{
    /// <summary>What kind of value an <see cref="ImageParameter{TRequest}"/> takes.</summary>
    public enum ImageParameterKind
    {
        /// <summary>Free text (<c>prompt</c>, <c>user</c>).</summary>
        Text,

        /// <summary>A whole number (<c>n</c>, <c>output_compression</c>).</summary>
        Integer,

        /// <summary>A number with a fraction.</summary>
        Number,

        /// <summary>True or false (<c>stream</c>).</summary>
        Boolean,

        /// <summary>One of a set of values, known ones listed in <see cref="ImageParameter{TRequest}.KnownValues"/> (<c>quality</c>, <c>size</c>, <c>model</c>).</summary>
        Value,

        /// <summary>An image to upload (<see cref="ImageInput"/>, a multipart edit's <c>mask</c>).</summary>
        Image,

        /// <summary>Images to upload (a multipart edit's <c>image</c>).</summary>
        Images,

        /// <summary>An image the service fetches (<see cref="ImageReference"/>, a JSON edit's <c>mask</c>).</summary>
        ImageReference,

        /// <summary>Images the service fetches (a JSON edit's <c>images</c>).</summary>
        ImageReferences,
    }
}
