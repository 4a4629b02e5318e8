using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Binding
{
    /// <summary>What a request's parameter table says of one parameter (<c>ImageParameterKind</c> has the same names).</summary>
    internal enum ParameterEntryKind
    {
        Text,
        Integer,
        Number,
        Boolean,
        Value,
        Image,
        Images,
        ImageReference,
        ImageReferences,
    }

    /// <summary>How a parameter's text becomes its typed value.</summary>
    internal enum TextReading
    {
        /// <summary>Not from text (images).</summary>
        None,
        Text,
        Integer,
        Number,
        Boolean,

        /// <summary>An open value set: a known value, else <c>FromText</c> (which also reads sizes).</summary>
        OpenValue,

        /// <summary>A closed enum: its <c>TryParse</c>, or a sentence listing the values.</summary>
        ClosedValue,
    }

    /// <summary>One row of a request's parameter table, decided at bind time.</summary>
    /// <param name="ValueType">The generated value type's name, for value sets.</param>
    /// <param name="NeedsStream">The stream flag, or a parameter a rule allows only with it.</param>
    /// <param name="AcceptsSizes">Its value type has <c>x-image-dimensions</c>: it also takes <c>WIDTHxHEIGHT</c> sizes.</param>
    internal sealed record ParameterEntry(
        string WireName,
        string PropertyName,
        ParameterEntryKind Kind,
        TextReading Reading,
        string? ValueType,
        bool IsRequired,
        bool IsModel,
        bool NeedsStream,
        bool IsValueType,
        bool AcceptsSizes,
        EquatableArray<string> KnownValues,
        string? Description);

    /// <summary>A property every operation's request has with the same type: a member of the shared request interface.</summary>
    internal sealed record InterfaceMember(string Name, string WireName, TypeRef Type, bool IsRequired, string? Description);
}
