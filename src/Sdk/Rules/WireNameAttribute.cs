using System;

namespace CreateImageSdk.Rules
{
    /// <summary>
    /// The JSON name of the request parameter a property, builder method or method parameter sets; read by the rules
    /// analyzer. Public for generated code (an overlay's <c>With…</c> extensions); not meant to be written by hand.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Parameter, AllowMultiple = false)]
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public sealed class WireNameAttribute : Attribute
    {
        /// <summary>Names the parameter.</summary>
        /// <param name="name">The parameter's wire name.</param>
        public WireNameAttribute(string name) => Name = name;

        /// <summary>The parameter's wire name.</summary>
        public string Name { get; }
    }
}
