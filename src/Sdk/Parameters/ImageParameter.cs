using System;
using System.Collections.Generic;

namespace CreateImageSdk
{
    /// <summary>
    /// One parameter of a request type, generated from its schema: its wire name, the property that holds it, its kind,
    /// the values the SDK knows, and how a value written as text becomes the typed one. Every request type lists its own
    /// (<c>CreateImageRequest.Parameters</c>, <c>EditImageRequest.Parameters</c>, …), so code that takes parameters by
    /// name (a command line, a table, a settings file, Microsoft.Extensions.AI's <c>AdditionalProperties</c>) follows
    /// the schema instead of a list kept by hand.
    /// </summary>
    /// <typeparam name="TRequest">The request type the parameter belongs to.</typeparam>
    public sealed class ImageParameter<TRequest>
        where TRequest : class
    {
        private readonly Func<TRequest, bool> _isSet;
        private readonly Func<TRequest, string, TRequest>? _withText;
        private readonly string[] _knownValues;

        internal ImageParameter(
            string wireName, string propertyName, ImageParameterKind kind, bool isRequired, bool isModel, bool needsStream, bool acceptsSizes,
            string[] knownValues, string? description, Func<TRequest, bool> isSet, Func<TRequest, string, TRequest>? withText)
        {
            WireName = wireName;
            PropertyName = propertyName;
            Kind = kind;
            IsRequired = isRequired;
            IsModel = isModel;
            NeedsStream = needsStream;
            AcceptsSizes = acceptsSizes;
            _knownValues = knownValues;
            Description = description;
            _isSet = isSet;
            _withText = withText;
        }

        /// <summary>The name in the request body, e.g. <c>output_format</c>.</summary>
        public string WireName { get; }

        /// <summary>The request property that holds it, e.g. <c>OutputFormat</c>.</summary>
        public string PropertyName { get; }

        /// <summary>What kind of value it takes.</summary>
        public ImageParameterKind Kind { get; }

        /// <summary>Whether every request must set it.</summary>
        public bool IsRequired { get; }

        /// <summary>Whether it is the parameter that selects the per-model rules (<c>model</c>).</summary>
        public bool IsModel { get; }

        /// <summary>Whether it belongs to streaming: the stream flag itself, or a parameter the rules allow only when streaming (<c>partial_images</c>).</summary>
        public bool NeedsStream { get; }

        /// <summary>Whether, besides <see cref="KnownValues"/>, it takes any <c>WIDTHxHEIGHT</c> size (<see cref="ImageSize.TryParse"/>); the model's rules say which.</summary>
        public bool AcceptsSizes { get; }

        /// <summary>For <see cref="ImageParameterKind.Value"/>: the values this version of the SDK knows, in schema order; other values may still be sent. Empty for other kinds.</summary>
        public IReadOnlyList<string> KnownValues => _knownValues;

        /// <summary>The schema's description.</summary>
        public string? Description { get; }

        /// <summary>Whether <see cref="WithText"/> can read a value of this parameter from text: every kind but images.</summary>
        public bool AcceptsText => _withText != null;

        /// <summary>Whether <paramref name="request"/> sets this parameter.</summary>
        /// <param name="request">The request to look at.</param>
        /// <returns><see langword="true"/> when the property holds a value.</returns>
        public bool IsSet(TRequest request) => _isSet(request ?? throw new ArgumentNullException(nameof(request)));

        /// <summary>
        /// A copy of <paramref name="request"/> with this parameter read from <paramref name="text"/>: a whole number, a
        /// number, <c>true</c>/<c>false</c>, or a value (a known one, any other as given, or for sizes
        /// <c>WIDTHxHEIGHT</c>). Whether the request's model takes the value is <c>Validate()</c>'s to say.
        /// </summary>
        /// <param name="request">The request to start from.</param>
        /// <param name="text">The value as text.</param>
        /// <returns>The changed copy.</returns>
        /// <exception cref="ArgumentException"><paramref name="text"/> is not a value of this kind; the message says what is expected.</exception>
        /// <exception cref="InvalidOperationException">The parameter is an image (<see cref="AcceptsText"/> is false).</exception>
        public TRequest WithText(TRequest request, string text)
        {
            if (TryWithText(request, text, out var result, out var problem)) return result;
            throw new ArgumentException(problem, nameof(text));
        }

        /// <summary>As <see cref="WithText"/>, with the reason instead of an exception.</summary>
        /// <param name="request">The request to start from.</param>
        /// <param name="text">The value as text.</param>
        /// <param name="result">The changed copy, or <paramref name="request"/> when the text is refused.</param>
        /// <param name="problem">Null, or a sentence naming the parameter and what it takes.</param>
        /// <returns>Whether the text was read.</returns>
        /// <exception cref="InvalidOperationException">The parameter is an image (<see cref="AcceptsText"/> is false).</exception>
        public bool TryWithText(TRequest request, string text, out TRequest result, out string? problem)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (_withText is null) throw new InvalidOperationException(WireName + " is " + (Kind == ImageParameterKind.Images || Kind == ImageParameterKind.ImageReferences ? "a list of images" : "an image") + ", which cannot be read from text; set " + PropertyName + " instead.");
            try
            {
                result = _withText(request, text ?? string.Empty);
                problem = null;
                return true;
            }
            catch (ParameterTextException ex)
            {
                result = request;
                problem = ex.Message;
                return false;
            }
        }

        /// <inheritdoc/>
        public override string ToString() => WireName;
    }
}
