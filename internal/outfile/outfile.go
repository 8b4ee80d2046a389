// Package outfile writes netreview's output files so that they never harm:
// each is written to a temporary file in its target folder and renamed into
// place (a failed or concurrent run never leaves half a file), never through
// or over a symbolic link, never over an input of the same run, and with
// mode 0644.
package outfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Mode is the permission of every file netreview writes: readable by all,
// writable by its owner, executable by none.
const Mode fs.FileMode = 0o644

// Write writes the file at path with write, through a buffer, into a
// temporary file in path's folder that is renamed to path once write and
// the close succeed. When anything fails, path is left as it was and the
// temporary file is removed. A path that is a symbolic link, or a folder,
// is refused. The error names path and says plainly what is wrong (a
// missing folder, a file open in another program), never the temporary
// file's name.
func Write(path string, write func(io.Writer) error) error {
	if err := checkTarget(path); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return folderError(path, dir, err)
	}
	name := tmp.Name()
	defer os.Remove(name) // fails harmlessly once renamed
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	err = bw.Flush()
	if err == nil {
		err = tmp.Chmod(Mode)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	// Checked again: the link may have appeared while write ran.
	if err := checkTarget(path); err != nil {
		return err
	}
	if err := rename(name, path); err != nil {
		if locked(err) {
			return fmt.Errorf("write %s: cannot replace it (is it open in another program? close it and run again): %w", path, unwrapPath(err))
		}
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// MkdirAll creates the folder dir, with its parents, for the files of a
// folder output (a CSV folder, generate --split). A dir that is a symbolic
// link or a file is refused.
func MkdirAll(dir string) error {
	if st, err := os.Lstat(dir); err == nil {
		switch {
		case st.Mode()&fs.ModeSymlink != 0:
			return fmt.Errorf("write %s: it is a symbolic link; netreview writes neither through nor over links: name the real folder", dir)
		case !st.IsDir():
			return fmt.Errorf("write %s: it is a file, not a folder", dir)
		}
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create the folder %s: %w", dir, unwrapPath(err))
	}
	return nil
}

// checkTarget refuses a path that is a symbolic link or a folder.
func checkTarget(path string) error {
	st, err := os.Lstat(path)
	if err != nil {
		return nil // absent (or unreadable: creating the temporary file says why)
	}
	switch {
	case st.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("write %s: it is a symbolic link; netreview writes neither through nor over links: remove it or choose another name", path)
	case st.IsDir():
		return fmt.Errorf("write %s: it is a folder", path)
	}
	return nil
}

// folderError explains why no file could be created in dir.
func folderError(path, dir string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("write %s: the folder %s does not exist", path, dir)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("write %s: no permission to create a file in the folder %s", path, dir)
	}
	if st, serr := os.Stat(dir); serr == nil && !st.IsDir() {
		return fmt.Errorf("write %s: %s is a file, not a folder", path, dir)
	}
	return fmt.Errorf("write %s: %w", path, unwrapPath(err))
}

// unwrapPath drops the operation and path of an *fs.PathError or
// *os.LinkError, which name the temporary file: the caller names path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
