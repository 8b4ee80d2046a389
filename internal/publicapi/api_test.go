package publicapi

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// interfaceMethods are the method names that satisfy the standard library's
// interfaces (error, fmt.Stringer, errors.Unwrap, encoding's marshalers):
// code outside calls them through the interface, never by name.
var interfaceMethods = map[string]bool{
	"Error": true, "String": true, "Unwrap": true,
	"MarshalJSON": true, "UnmarshalJSON": true,
	"MarshalText": true, "UnmarshalText": true,
}

// TestPublicAPIIsUsed fails for every exported name of a public package
// (one outside internal/ and cmd/) that nothing outside the package needs:
// not referenced by the non-test code of another package or command, nor by
// an Example function, nor part of the API of a name that is (a type in a
// used function's signature or a used struct's exported fields, a constant
// of such a type, a method of such a type that a file importing the
// package calls by name or that satisfies a standard interface). Tests of
// other packages do not count: they can test through the API the CLI uses.
// Struct fields are not checked: they are the model and the JSON contract.
// Such a name belongs unexported, or under internal/, so that `go doc`
// shows only what the CLI uses.
func TestPublicAPIIsUsed(t *testing.T) {
	root, module := moduleRoot(t)
	for _, u := range unusedNames(t, root, module) {
		t.Errorf("%s is exported but nothing outside its package uses it: unexport it, delete it, or move it under internal/", u)
	}
}

// TestUnusedNames checks the check on a small module: what its command, an
// Example and a signature use is used; what only a test uses is not.
func TestUnusedNames(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"go.mod": "module m\n",
		"a/a.go": `package a
type T int
type Unseen int
const C T = 1
const Lone = 2
func Used() T { return 0 }
func OnlyTested() {}
func InExample() {}
func (T) M() {}
func (T) N() {}
func (T) String() string { return "" }
func helper() {}
`,
		"a/example_test.go": "package a_test\nimport \"m/a\"\nfunc ExampleInExample() { a.InExample() }\n",
		"b/b_test.go":       "package b\nimport \"m/a\"\nfunc TestB() { a.OnlyTested(); a.Used().N() }\n",
		"internal/i/i.go":   "package i\nimport x \"m/a\"\nfunc F() { x.Used().M() }\n",
	}
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := unusedNames(t, root, "m")
	want := []string{"m/a.Lone", "m/a.OnlyTested", "m/a.T.N", "m/a.Unseen"}
	if !slices.Equal(got, want) {
		t.Errorf("unused %q, want %q", got, want)
	}
}

// unusedNames lists, sorted, the exported names of the public packages of
// the module at root that nothing outside their package needs.
func unusedNames(t *testing.T, root, module string) []string {
	t.Helper()
	pkgs := parseModule(t, root, module)
	var unused []string
	for _, p := range pkgs {
		if !p.public {
			continue
		}
		for _, name := range p.unused(pkgs) {
			unused = append(unused, p.path+"."+name)
		}
	}
	sort.Strings(unused)
	return unused
}

// A pkg is one directory's parsed files.
type pkg struct {
	path    string // import path
	name    string // package name
	public  bool   // outside internal/ and cmd/
	files   []*ast.File
	tests   []*ast.File                // _test.go files, either package
	decls   map[string]ast.Node        // exported top-level names: *ast.FuncDecl, *ast.TypeSpec, *ast.ValueSpec
	consts  map[string]string          // exported constant -> its type's name, if it is a type of this package
	methods map[string][]*ast.FuncDecl // type name -> its exported methods
}

func moduleRoot(t *testing.T) (root, module string) {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				if m, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
					return dir, strings.TrimSpace(m)
				}
			}
			t.Fatalf("%s: no module line", filepath.Join(dir, "go.mod"))
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

func parseModule(t *testing.T, root, module string) map[string]*pkg {
	t.Helper()
	fset := token.NewFileSet()
	pkgs := map[string]*pkg{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(p))
		if err != nil {
			return err
		}
		imp := path.Join(module, filepath.ToSlash(rel))
		k := pkgs[imp]
		if k == nil {
			slash := "/" + filepath.ToSlash(rel) + "/"
			k = &pkg{path: imp, public: !strings.Contains(slash, "/internal/") && !strings.HasPrefix(slash, "/cmd/") && rel != "."}
			pkgs[imp] = k
		}
		if strings.HasSuffix(name, "_test.go") {
			k.tests = append(k.tests, f)
		} else {
			k.files = append(k.files, f)
			k.name = f.Name.Name
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range pkgs {
		k.collect()
	}
	return pkgs
}

// collect records k's exported declarations.
func (k *pkg) collect() {
	k.decls = map[string]ast.Node{}
	k.consts = map[string]string{}
	k.methods = map[string][]*ast.FuncDecl{}
	for _, f := range k.files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				if d.Recv == nil {
					k.decls[d.Name.Name] = d
				} else if recv := recvType(d.Recv.List[0].Type); ast.IsExported(recv) {
					k.methods[recv] = append(k.methods[recv], d)
				}
			case *ast.GenDecl:
				typ := "" // a constant group's type carries over implicit repetitions
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							k.decls[s.Name.Name] = s
						}
					case *ast.ValueSpec:
						if d.Tok == token.CONST {
							if id, ok := s.Type.(*ast.Ident); ok {
								typ = id.Name
							} else if s.Type != nil || len(s.Values) > 0 {
								typ = ""
							}
						}
						for _, n := range s.Names {
							if !n.IsExported() {
								continue
							}
							k.decls[n.Name] = s
							if d.Tok == token.CONST {
								k.consts[n.Name] = typ
							}
						}
					}
				}
			}
		}
	}
}

// recvType is the name of a method receiver's type: T, *T, T[P], *T[P].
func recvType(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// unused lists k's exported names that nothing outside k needs.
func (k *pkg) unused(pkgs map[string]*pkg) []string {
	used := map[string]bool{}   // top-level names referenced from outside
	called := map[string]bool{} // selector names anywhere outside: methods, possibly
	for _, o := range pkgs {
		if o == k {
			for _, f := range k.tests {
				k.examples(f, used, called)
			}
			continue
		}
		for _, f := range o.files {
			refs(f, f, k, used, called)
		}
		for _, f := range o.tests {
			k.examples(f, used, called)
		}
	}
	// What a used name's declaration mentions is part of the API too.
	reach := map[string]bool{}
	var visit func(name string)
	visit = func(name string) {
		if reach[name] {
			return
		}
		reach[name] = true
		d, ok := k.decls[name]
		if !ok {
			return
		}
		switch d := d.(type) {
		case *ast.FuncDecl:
			k.mentions(visit, d.Type)
		case *ast.TypeSpec:
			k.mentions(visit, exportedPart(d.Type)...)
			for _, m := range k.methods[name] {
				if called[m.Name.Name] || interfaceMethods[m.Name.Name] {
					k.mentions(visit, m.Type)
				}
			}
		case *ast.ValueSpec:
			if d.Type != nil {
				k.mentions(visit, d.Type)
			}
		}
	}
	for name := range used {
		visit(name)
	}
	var out []string
	for name := range k.decls {
		if reach[name] {
			continue
		}
		if typ, ok := k.consts[name]; ok && typ != "" && reach[typ] {
			continue
		}
		out = append(out, name)
	}
	for typ, ms := range k.methods {
		if !reach[typ] {
			continue // the type itself is reported, or unexported
		}
		for _, m := range ms {
			if !called[m.Name.Name] && !interfaceMethods[m.Name.Name] {
				out = append(out, typ+"."+m.Name.Name)
			}
		}
	}
	return out
}

// examples records the references to k in f's Example functions.
func (k *pkg) examples(f *ast.File, used, called map[string]bool) {
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && strings.HasPrefix(fd.Name.Name, "Example") {
			refs(f, fd, k, used, called)
		}
	}
}

// refs records in used the names of k that n (part of file f) refers to,
// and in called every name n selects when f imports k or is part of it.
func refs(f *ast.File, n ast.Node, k *pkg, used, called map[string]bool) {
	local, inside := "", slices.Contains(k.tests, f) && f.Name.Name == k.name // an Example in k's own package
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != k.path {
			continue
		}
		local = k.name
		if imp.Name != nil {
			local = imp.Name.Name
		}
	}
	if local == "" && !inside {
		return
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			called[x.Sel.Name] = true
			if id, ok := x.X.(*ast.Ident); ok && local != "" && id.Name == local {
				used[x.Sel.Name] = true
			}
		case *ast.Ident:
			if _, ok := k.decls[x.Name]; ok && inside {
				used[x.Name] = true
			}
		}
		return true
	})
}

// exportedPart is what of a type expression its users see: all of it but
// a struct's unexported fields and an interface's unexported methods.
func exportedPart(e ast.Expr) []ast.Node {
	var fields *ast.FieldList
	switch x := e.(type) {
	case *ast.StructType:
		fields = x.Fields
	case *ast.InterfaceType:
		fields = x.Methods
	default:
		return []ast.Node{e}
	}
	var keep []ast.Node
	for _, fl := range fields.List {
		if len(fl.Names) == 0 || slices.ContainsFunc(fl.Names, (*ast.Ident).IsExported) {
			keep = append(keep, fl.Type) // embedded, or exported
		}
	}
	return keep
}

// mentions calls visit for every identifier in nodes that may name one of
// k's declarations (a field or parameter name that happens to match is
// harmless: it only keeps a name from being reported).
func (k *pkg) mentions(visit func(string), nodes ...ast.Node) {
	for _, n := range nodes {
		ast.Inspect(n, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.SelectorExpr:
				return false // another package's name
			case *ast.Ident:
				if _, ok := k.decls[x.Name]; ok {
					visit(x.Name)
				}
			}
			return true
		})
	}
}
