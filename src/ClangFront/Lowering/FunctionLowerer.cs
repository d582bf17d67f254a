using System;
using System.Collections.Generic;
using System.Linq;
using KLeakLint.ClangFront.Parsing;
using KLeakLint.Core.Ir;
using KLeakLint.Core.Specs;

namespace KLeakLint.ClangFront.Lowering
{
    /// <summary>
    /// Builds the control-flow graph of one C function definition from libclang's cursor tree: statements here,
    /// expressions in <c>FunctionLowerer.Expressions.cs</c>, branch conditions in <c>FunctionLowerer.Conditions.cs</c>.
    /// </summary>
    internal sealed partial class FunctionLowerer
    {
        private readonly Cursor _declaration;
        private readonly SpecCatalog _catalog;
        private readonly FunctionIr _function;
        private readonly Dictionary<string, BasicBlock> _labels = new Dictionary<string, BasicBlock>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _variableNames = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<string> _usedNames = new HashSet<string>(StringComparer.Ordinal);
        private readonly Stack<BasicBlock> _breakTargets = new Stack<BasicBlock>();
        private readonly Stack<BasicBlock> _continueTargets = new Stack<BasicBlock>();
        private BasicBlock _current;
        private int _temporaries;
        private readonly NestingGuard _nesting = new NestingGuard();

        private readonly IReadOnlyList<MacroUse> _macros;

        public FunctionLowerer(Cursor declaration, SpecCatalog catalog, IReadOnlyList<MacroUse>? macros = null)
        {
            _declaration = declaration;
            _catalog = catalog;
            _macros = macros ?? Array.Empty<MacroUse>();
            _function = new FunctionIr(declaration.Spelling, declaration.Location)
            {
                ReturnsVoid = declaration.ResultType.IsVoid,
                ReturnsPointer = declaration.ResultType.IsPointer,
                IsStatic = declaration.IsStatic,
                EndLine = declaration.ExtentEnd.Line,
            };
            _current = _function.NewBlock();
        }

        public FunctionIr Lower()
        {
            Cursor? body = null;
            int index = 0;
            foreach (var child in _declaration.Children())
            {
                if (child.Kind == CursorKind.ParmDecl)
                {
                    var name = child.Spelling.Length > 0 ? child.Spelling : "$arg" + index;
                    _function.Parameters.Add(name);
                    _variableNames[DeclarationKey(child)] = name;
                    _usedNames.Add(name);
                    index++;
                }
                else if (child.Kind == CursorKind.CompoundStmt)
                {
                    body = child;
                }
            }
            if (body is Cursor b) LowerStatement(b);
            return _function;
        }

        // ---- blocks -------------------------------------------------------------------------------------------

        /// <summary>True while the current block can still be reached (not yet closed by a return, goto, break...).</summary>
        private bool IsOpen => _current.Terminator is null;

        private void Close(Terminator terminator)
        {
            if (IsOpen) _current.Terminator = terminator;
            // Code after a return or goto is unreachable unless a label targets it: lower it into a detached block.
            _current = _function.NewBlock();
        }

        private void JumpTo(BasicBlock target, SourceSpan span)
        {
            if (IsOpen) _current.Terminator = new GotoTerminator(target, span);
        }

        private void StartBlock(BasicBlock block, SourceSpan span)
        {
            JumpTo(block, span);
            _current = block;
        }

        private BasicBlock LabelBlock(string label)
        {
            if (!_labels.TryGetValue(label, out var block)) _labels[label] = block = _function.NewBlock(label);
            return block;
        }

        private void Emit(Instruction instruction) => _current.Instructions.Add(instruction);

        // ---- statements ---------------------------------------------------------------------------------------

        private void LowerStatement(Cursor statement)
        {
            var span = statement.Location;
            using var level = _nesting.Enter(span.Line);
            switch (statement.Kind)
            {
                case CursorKind.CompoundStmt:
                    foreach (var child in statement.Children()) LowerStatement(child);
                    break;

                case CursorKind.DeclStmt:
                    foreach (var declaration in statement.Children())
                        if (declaration.Kind == CursorKind.VarDecl) LowerVariable(declaration);
                    break;

                case CursorKind.IfStmt:
                    LowerIf(statement);
                    break;

                case CursorKind.WhileStmt:
                    LowerWhile(statement);
                    break;

                case CursorKind.DoStmt:
                    LowerDo(statement);
                    break;

                case CursorKind.ForStmt:
                    LowerFor(statement);
                    break;

                case CursorKind.SwitchStmt:
                    LowerSwitch(statement);
                    break;

                case CursorKind.CaseStmt:
                case CursorKind.DefaultStmt:
                    // A case outside the switch's top-level compound (Duff's device style): lower its statement.
                    var inner = statement.Children();
                    if (inner.Count > 0) LowerStatement(inner[inner.Count - 1]);
                    break;

                case CursorKind.LabelStmt:
                    StartBlock(LabelBlock(statement.Spelling), span);
                    foreach (var child in statement.Children()) LowerStatement(child);
                    break;

                case CursorKind.GotoStmt:
                    var label = statement.Children().FirstOrDefault(c => c.Kind == CursorKind.LabelRef).Spelling;
                    if (string.IsNullOrEmpty(label)) { Close(new UnreachableTerminator(span)); break; }
                    if (IsOpen) _current.Terminator = new GotoTerminator(LabelBlock(label), span) { Label = label };
                    _current = _function.NewBlock();
                    break;

                case CursorKind.IndirectGotoStmt:
                    Close(new UnreachableTerminator(span));
                    break;

                case CursorKind.BreakStmt:
                    if (_breakTargets.Count > 0) { JumpTo(_breakTargets.Peek(), span); _current = _function.NewBlock(); }
                    break;

                case CursorKind.ContinueStmt:
                    if (_continueTargets.Count > 0) { JumpTo(_continueTargets.Peek(), span); _current = _function.NewBlock(); }
                    break;

                case CursorKind.ReturnStmt:
                    LowerReturn(statement);
                    break;

                case CursorKind.NullStmt:
                case CursorKind.GCCAsmStmt:
                case CursorKind.MSAsmStmt:
                    break;

                case CursorKind.UnexposedStmt:
                    // Attributed statements (`fallthrough;`) and the like: their children are ordinary statements.
                    foreach (var child in statement.Children()) LowerStatement(child);
                    break;

                default:
                    // Declarations inside statements (_Static_assert in container_of, nested records) evaluate nothing.
                    if (IsExpression(statement.Kind)) LowerDiscarded(statement);
                    else if (IsStatement(statement.Kind)) foreach (var child in statement.Children()) LowerStatement(child);
                    break;
            }
        }

        private void LowerVariable(Cursor declaration)
        {
            var name = DeclareVariable(declaration);
            var place = Place.Of(name, declaration.IsStatic ? RootKind.Global : RootKind.Local);
            var cleanup = ScopedReleaseOf(declaration);
            if (cleanup is not null) _function.ScopedReleases[name] = cleanup;
            Cursor? init = null;
            foreach (var child in declaration.Children())
                if (IsExpression(child.Kind)) init = child;
            if (init is Cursor i && !declaration.IsStatic)
                LowerAssignmentTo(place, i, declaration.Location, declaration.Type);
        }

        /// <summary>The function named in <c>__free(fn)</c> or <c>__attribute__((cleanup(fn)))</c> on a declaration.</summary>
        private static string? ScopedReleaseOf(Cursor declaration)
        {
            var tokens = declaration.Tokens();
            for (int i = 0; i + 2 < tokens.Count; i++)
            {
                if ((tokens[i] == "__free" || tokens[i] == "cleanup" || tokens[i] == "__cleanup__") && tokens[i + 1] == "(")
                    return tokens[i] == "__free" ? tokens[i + 2] : tokens[i + 2];
            }
            return null;
        }

        private void LowerReturn(Cursor statement)
        {
            var children = statement.Children();
            Value? value = null;
            if (children.Count > 0) value = LowerValue(children[children.Count - 1]);
            Close(new ReturnTerminator(value, statement.Location));
        }

        private void LowerIf(Cursor statement)
        {
            var parts = statement.Children();
            if (parts.Count < 2) return;
            var then = _function.NewBlock();
            var join = _function.NewBlock();
            var otherwise = parts.Count > 2 ? _function.NewBlock() : join;
            LowerCondition(parts[0], then, otherwise);
            _current = then;
            LowerStatement(parts[1]);
            JumpTo(join, statement.Location);
            if (parts.Count > 2)
            {
                _current = otherwise;
                LowerStatement(parts[2]);
                JumpTo(join, statement.Location);
            }
            _current = join;
        }

        private void LowerWhile(Cursor statement)
        {
            var parts = statement.Children();
            if (parts.Count < 2) return;
            var header = _function.NewBlock();
            var body = _function.NewBlock();
            var exit = _function.NewBlock();
            StartBlock(header, statement.Location);
            LowerCondition(parts[0], body, exit);
            LowerLoopBody(parts[parts.Count - 1], body, exit, header, header, statement.Location);
            _current = exit;
        }

        private void LowerDo(Cursor statement)
        {
            var parts = statement.Children();
            if (parts.Count < 2) return;
            var body = _function.NewBlock();
            var test = _function.NewBlock();
            var exit = _function.NewBlock();
            StartBlock(body, statement.Location);
            _breakTargets.Push(exit);
            _continueTargets.Push(test);
            LowerStatement(parts[0]);
            _breakTargets.Pop();
            _continueTargets.Pop();
            StartBlock(test, statement.Location);
            LowerCondition(parts[1], body, exit);
            _current = exit;
        }

        private void LowerFor(Cursor statement)
        {
            var (init, condition, increment, bodyCursor) = ForParts(statement);
            if (bodyCursor is not Cursor loopBody) return;
            if (init is Cursor i)
            {
                LowerStatement(i);
                MarkScopedIteratorVariables(statement, i);
            }
            var header = _function.NewBlock();
            var body = _function.NewBlock();
            var step = _function.NewBlock();
            var exit = _function.NewBlock();
            StartBlock(header, statement.Location);
            if (condition is Cursor c) LowerCondition(c, body, exit);
            else JumpTo(body, statement.Location);
            LowerLoopBody(loopBody, body, exit, step, header, statement.Location);
            _current = step;
            if (increment is Cursor inc) LowerDiscarded(inc);
            JumpTo(header, statement.Location);
            _current = exit;
        }

        /// <summary>
        /// <c>for_each_child_of_node_scoped(parent, child)</c> declares <c>child</c> with <c>__free(device_node)</c> in the
        /// loop's init: the macro's tokens hide the attribute, so the iterator's name says the variable is released at
        /// scope exit.
        /// </summary>
        private void MarkScopedIteratorVariables(Cursor loop, Cursor init)
        {
            if (init.Kind != CursorKind.DeclStmt) return;
            var at = loop.Location;
            var macro = _macros.FirstOrDefault(m => m.Line == at.Line && m.Column == at.Column);
            if (macro is null || !macro.Name.EndsWith("_scoped", StringComparison.Ordinal)) return;
            foreach (var declaration in init.Children())
                if (declaration.Kind == CursorKind.VarDecl && _variableNames.TryGetValue(DeclarationKey(declaration), out var name))
                    _function.ScopedReleases[name] = macro.Name;
        }

        private void LowerLoopBody(Cursor bodyCursor, BasicBlock body, BasicBlock exit, BasicBlock continueTarget, BasicBlock backEdge, SourceSpan span)
        {
            _current = body;
            _breakTargets.Push(exit);
            _continueTargets.Push(continueTarget);
            LowerStatement(bodyCursor);
            _breakTargets.Pop();
            _continueTargets.Pop();
            JumpTo(continueTarget == backEdge ? backEdge : continueTarget, span);
        }

        /// <summary>
        /// libclang lists only the parts of a <c>for</c> that are present. Written out, the tokens say which are; expanded
        /// from an iterator macro (<c>for_each_child_of_node</c>, <c>list_for_each_entry</c>), all three are present.
        /// </summary>
        private static (Cursor? Init, Cursor? Condition, Cursor? Increment, Cursor? Body) ForParts(Cursor statement)
        {
            var parts = statement.Children();
            if (parts.Count == 0) return (null, null, null, null);
            var body = parts[parts.Count - 1];
            var heads = parts.Take(parts.Count - 1).ToList();
            if (heads.Count == 3) return (heads[0], heads[1], heads[2], body);
            if (heads.Count == 0) return (null, null, null, body);

            var present = PresentForClauses(statement.Tokens());
            var slots = new Cursor?[3];
            int next = 0;
            for (int slot = 0; slot < 3 && next < heads.Count; slot++)
                if (present[slot]) slots[slot] = heads[next++];
            return (slots[0], slots[1], slots[2], body);
        }

        private static bool[] PresentForClauses(IReadOnlyList<string> tokens)
        {
            var present = new[] { true, true, true };
            if (tokens.Count < 2 || tokens[0] != "for" || tokens[1] != "(") return new[] { true, true, false };
            int depth = 0, clause = 0;
            bool sawToken = false;
            for (int i = 1; i < tokens.Count && clause < 3; i++)
            {
                var t = tokens[i];
                if (t == "(" || t == "[" || t == "{") { if (depth++ > 0) sawToken = true; continue; }
                if (t == ")" || t == "]" || t == "}")
                {
                    depth--;
                    if (depth == 0) { present[clause] = sawToken; break; }
                    sawToken = true;
                    continue;
                }
                if (depth == 1 && t == ";") { present[clause++] = sawToken; sawToken = false; continue; }
                sawToken = true;
            }
            return present;
        }

        private void LowerSwitch(Cursor statement)
        {
            var parts = statement.Children();
            if (parts.Count < 2) return;
            var value = LowerValue(parts[0]);
            var exit = _function.NewBlock();
            var cases = new List<SwitchCase>();
            var dispatch = _current;
            var span = statement.Location;
            _current = _function.NewBlock(); // statements before the first case are unreachable
            _breakTargets.Push(exit);
            var body = parts[parts.Count - 1];
            var statements = body.Kind == CursorKind.CompoundStmt ? body.Children() : new List<Cursor> { body };
            foreach (var s in statements) LowerSwitchMember(s, cases);
            _breakTargets.Pop();
            JumpTo(exit, span);
            dispatch.Terminator = new SwitchTerminator(value, cases, exit, span);
            _current = exit;
        }

        /// <summary>A case label starts a block that the previous case falls through into; nested labels share it.</summary>
        private void LowerSwitchMember(Cursor statement, List<SwitchCase> cases)
        {
            if (statement.Kind != CursorKind.CaseStmt && statement.Kind != CursorKind.DefaultStmt)
            {
                LowerStatement(statement);
                return;
            }
            var block = _function.NewBlock();
            StartBlock(block, statement.Location);
            var children = statement.Children();
            if (statement.Kind == CursorKind.CaseStmt)
            {
                var caseValue = children.Count > 0 ? children[0].EvaluateInteger() : null;
                cases.Add(new SwitchCase(caseValue ?? long.MinValue, block));
            }
            else
            {
                cases.Add(new SwitchCase(null, block));
            }
            if (children.Count > 0)
            {
                var sub = children[children.Count - 1];
                if (statement.Kind == CursorKind.DefaultStmt || children.Count > 1) LowerSwitchMember(sub, cases);
            }
        }

        // ---- variables ----------------------------------------------------------------------------------------

        private static string DeclarationKey(Cursor declaration)
        {
            var at = declaration.Location;
            return declaration.Spelling + "@" + at.Line + ":" + at.Column;
        }

        /// <summary>Names a local; a second variable of the same name (an inner scope) gets a distinct name.</summary>
        private string DeclareVariable(Cursor declaration)
        {
            var key = DeclarationKey(declaration);
            if (_variableNames.TryGetValue(key, out var existing)) return existing;
            var name = declaration.Spelling;
            for (int n = 2; !_usedNames.Add(name); n++) name = declaration.Spelling + "#" + n;
            _variableNames[key] = name;
            _function.Locals.Add(name);
            return name;
        }

        /// <summary>A temporary named after what it holds ("kmalloc()#3"), so that path notes read like the source.</summary>
        private Place NewTemporary(string hint = "$t") => Place.Of(hint + "#" + (++_temporaries), RootKind.Temporary);

        private static bool IsExpression(CursorKind kind) => (int)kind >= 100 && (int)kind < 200;

        private static bool IsStatement(CursorKind kind) => (int)kind >= 200 && (int)kind < 300;
    }
}
