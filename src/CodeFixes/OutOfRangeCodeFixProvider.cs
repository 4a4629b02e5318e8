using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using CreateImageSdk.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CreateImageSdk.CodeFixes
{
    /// <summary>Fixes CIA003 (a number out of the model's range) by replacing it with the nearest bound.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OutOfRangeCodeFixProvider))]
    [Shared]
    public sealed class OutOfRangeCodeFixProvider : CodeFixProvider
    {
        /// <summary>The equivalence key of the fix.</summary>
        public const string BoundKey = "CIA003.NearestBound";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ModelRuleDescriptors.OutOfRangeId);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null) return;

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Bound, out var boundText) ||
                    !long.TryParse(boundText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bound) ||
                    !(SyntaxEdits.ExpressionAt(root, diagnostic.Location) is { } value))
                {
                    continue;
                }

                var newRoot = root.ReplaceNode(value, SyntaxEdits.Number(bound, value));
                context.RegisterCodeFix(
                    CodeAction.Create("Use " + boundText, _ => Task.FromResult(context.Document.WithSyntaxRoot(newRoot)), BoundKey),
                    diagnostic);
            }
        }
    }
}
