using System;

namespace CreateImageSdk.Rules
{
    /// <summary>
    /// On a generated general builder: the request type it builds. The analyzer finds every operation's builder by
    /// this attribute and reads that request's <see cref="ModelRuleAttribute"/>s, so no type name is hard-coded there.
    /// </summary>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = false)]
    internal sealed class BuilderForAttribute : Attribute
    {
        public BuilderForAttribute(Type request) => Request = request;

        public Type Request { get; }
    }
}
