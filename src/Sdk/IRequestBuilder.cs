namespace CreateImageSdk
{
    /// <summary>
    /// A builder of requests of type <typeparamref name="TRequest"/>: every generated builder, general or
    /// model-specific, so code that takes "a request or a builder" (an <c>IImageGenerator</c>'s raw representation,
    /// say) takes them all.
    /// </summary>
    /// <typeparam name="TRequest">The request type, e.g. <see cref="CreateImageRequest"/>.</typeparam>
    public interface IRequestBuilder<out TRequest>
    {
        /// <summary>The request as configured so far.</summary>
        TRequest Request { get; }
    }
}
