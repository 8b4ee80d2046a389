package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// helperName is the name of the Graphviz helper program (cmd/netreview-graphviz),
// without the ".exe" that Windows adds.
const helperName = "netreview-graphviz"

// helperPathEnv is the environment variable that, when set, gives the path of the
// Graphviz helper program.
const helperPathEnv = "NETREVIEW_GRAPHVIZ"

// Helper is a Drawer that runs the Graphviz helper program,
// netreview-graphviz, once per diagram: the Job as JSON on its standard
// input, the drawing on its standard output. The program is found on the
// first drawing (see FindHelper), so a Helper that only writes DOT never
// looks for it. It runs with go-graphviz's compilation cache in the
// directory that $NETREVIEW_GRAPHVIZ_CACHE names (see HelperEnviron). A
// Helper is safe for concurrent use.
type Helper struct {
	once sync.Once
	path string
	env  []string // the helper's environment
	err  error
}

// NewHelper returns a Helper that finds the program on its first drawing.
func NewHelper() *Helper { return &Helper{} }

// InternalError is an error of Graphviz or of the drawing code, not of the
// input: the helper failed, crashed or was killed. netreview exits with
// status 3 for it.
type InternalError struct{ err error }

// Error returns the message of the error inside.
func (e *InternalError) Error() string { return e.err.Error() }

// Unwrap returns the error inside.
func (e *InternalError) Unwrap() error { return e.err }

// Draw runs the helper on the job.
func (h *Helper) Draw(ctx context.Context, job *Job) ([]byte, error) {
	h.once.Do(func() {
		h.env = HelperEnviron()
		h.path, h.err = FindHelper()
	})
	if h.err != nil {
		return nil, h.err
	}
	var in bytes.Buffer
	if err := writeJob(&in, job); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, h.path, "-job")
	cmd.Env = h.env
	cmd.Stdin = &in
	var out, stderr bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("render: %s layout: %w", job.Diagram.Engine, ctx.Err())
		}
		// The helper prints one line; should it crash, its first line (the
		// panic's message) says enough, and no stack trace reaches the user.
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		if msg == "" {
			msg = err.Error()
		}
		return nil, &InternalError{fmt.Errorf("render: drawing with %s (%s layout): %s", h.path, job.Diagram.Engine, msg)}
	}
	return out.Bytes(), nil
}

// FindHelper returns the path of the Graphviz helper program: the value of
// $NETREVIEW_GRAPHVIZ when it is set; else netreview-graphviz in the
// directory of the running program, where `make build` and `go install
// ./cmd/...` put it; else netreview-graphviz on $PATH. The error says how to
// install it.
func FindHelper() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		exe = ""
	}
	return findHelper(os.Getenv(helperPathEnv), exe, exec.LookPath)
}

func findHelper(env, exe string, lookPath func(string) (string, error)) (string, error) {
	if env != "" {
		if err := isProgram(env); err != nil {
			return "", fmt.Errorf("render: $%s: %w; point it at the Graphviz helper %s, or unset it to use the one beside netreview (writing .dot needs no helper)", helperPathEnv, err, helperName)
		}
		return env, nil
	}
	name := helperName
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	var tried []string
	if exe != "" {
		p := filepath.Join(filepath.Dir(exe), name)
		if isProgram(p) == nil {
			return p, nil
		}
		tried = append(tried, filepath.Dir(exe))
	}
	if p, err := lookPath(name); err == nil {
		return p, nil
	}
	tried = append(tried, "$PATH")
	return "", fmt.Errorf("render: drawing a diagram needs the Graphviz helper %s, which is not in %s; "+
		"build it beside netreview with `make build` (bin/) or `go install github.com/netreview/netreview/cmd/...`, "+
		"or set $%s to its path (writing .dot needs no helper)", name, strings.Join(tried, " or "), helperPathEnv)
}

// isProgram reports why path is not a regular, executable file, or nil.
func isProgram(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: no such file", path)
		}
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", path)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm()&0o111 == 0 {
		return fmt.Errorf("%s: not executable", path)
	}
	return nil
}
