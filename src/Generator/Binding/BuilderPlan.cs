using System.Linq;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Binding
{
    /// <summary>
    /// What a general builder is made of, decided at bind time: the properties it holds a field for (all but the stream
    /// flag, which only the streaming methods set), its <c>With…</c> steps, the required list taken as <c>params</c>, and
    /// whether and how it streams. The emitter prints exactly this.
    /// </summary>
    /// <param name="Held">Wire names of the properties the builder holds.</param>
    /// <param name="Steps">Wire names of its <c>With…</c> steps.</param>
    /// <param name="ParamsList">The wire name of the last required parameter when it is a list (<c>EditImage("…", a, b)</c>), else null.</param>
    /// <param name="StreamFlagProperty">The C# property of the stream flag, or null.</param>
    /// <param name="CanStream">Whether the operation streams (a flag and an event type).</param>
    internal sealed record BuilderPlan(EquatableArray<string> Held, EquatableArray<string> Steps, string? ParamsList, string? StreamFlagProperty, bool CanStream)
    {
        public static BuilderPlan For(ObjectSpec request)
        {
            var operation = request.Operation!;
            var required = request.Properties.Where(p => p.IsRequired).ToList();
            var last = required.Count > 0 ? required[required.Count - 1] : null;
            return new BuilderPlan(
                request.Properties.Where(p => p.WireName != operation.StreamFlag).Select(p => p.WireName).ToEquatableArray(),
                request.Properties.Where(p => !p.IsRequired && p.WireName != operation.StreamFlag).Select(p => p.WireName).ToEquatableArray(),
                last?.Type.Kind == ValueKind.Array ? last.WireName : null,
                operation.StreamFlag is null ? null : request.Properties.FirstOrDefault(p => p.WireName == operation.StreamFlag)?.Name,
                operation.StreamFlag != null && operation.StreamEvent != null);
        }
    }
}
