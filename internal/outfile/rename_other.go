//go:build !windows

package outfile

import (
	"errors"
	"io/fs"
	"os"
)

// rename moves the finished temporary file into place; on Unix a rename
// replaces the target atomically even while another program has it open.
func rename(from, to string) error { return os.Rename(from, to) }

// locked reports whether a rename failed because the target cannot be
// replaced.
func locked(err error) bool { return errors.Is(err, fs.ErrPermission) }
