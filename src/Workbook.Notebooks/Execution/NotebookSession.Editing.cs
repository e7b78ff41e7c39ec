using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Workbook.Notebooks.Execution;

// Editor services: whether a submission is complete, and completion from Roslyn's semantic model.
public sealed partial class NotebookSession
{
    private static readonly CSharpParseOptions ScriptParsing = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>True when <paramref name="code"/> is a complete submission (no unclosed braces,
    /// strings or comments), so a console front end can run it rather than wait for more lines.</summary>
    public static bool IsComplete(string code) =>
        SyntaxFactory.IsCompleteSubmission(CSharpSyntaxTree.ParseText(code, ScriptParsing));

    /// <summary>
    /// The names that can complete the identifier ending at <paramref name="cursor"/>, seen from a
    /// cell that would follow every cell run so far: after <c>expr.</c> the members of the
    /// expression's type (or of the named type or namespace), elsewhere every symbol in scope.
    /// </summary>
    public CompletionList Complete(string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        var prefix = code[start..cursor];

        var options = _scriptOptions.WithFilePath(CellPathPrefix + "completion");
        var script = _state?.Script.ContinueWith(code, options) ?? CSharpScript.Create(code, options, typeof(CellGlobals));
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last(t => t.FilePath == options.FilePath);
        var model = compilation.GetSemanticModel(tree);

        IEnumerable<ISymbol> symbols;
        var dot = tree.GetRoot().FindToken(Math.Max(0, start - 1));
        if (start > 0 && code[start - 1] == '.' && dot.Parent is MemberAccessExpressionSyntax access)
        {
            var target = model.GetSymbolInfo(access.Expression).Symbol;
            symbols = target is INamespaceOrTypeSymbol container and not null && access.Expression is not ThisExpressionSyntax
                      && model.GetTypeInfo(access.Expression).Type is null or { TypeKind: TypeKind.Error } || target is INamespaceSymbol
                ? model.LookupSymbols(start, (INamespaceOrTypeSymbol)target!).Where(s => s.IsStatic || s is INamespaceOrTypeSymbol)
                : model.GetTypeInfo(access.Expression).Type is { } type
                    ? model.LookupSymbols(start, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic)
                    : [];
        }
        else
        {
            symbols = model.LookupSymbols(start);
        }

        var matches = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        return new CompletionList(start, cursor, matches);
    }
}
