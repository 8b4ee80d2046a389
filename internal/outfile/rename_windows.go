package outfile

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
	"time"
)

// Windows error numbers for a file that another program holds open.
const (
	errorSharingViolation syscall.Errno = 32
	errorLockViolation    syscall.Errno = 33
)

// rename moves the finished temporary file into place. Windows refuses to
// replace a file that another program holds open; an indexer or a virus
// scanner that glances at the previous version lets go within moments, so
// the rename is tried again for up to two seconds before the error (which
// then says the file is open in another program) is returned.
func rename(from, to string) error {
	deadline := time.Now().Add(2 * time.Second)
	for {
		err := os.Rename(from, to)
		if err == nil || !locked(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// locked reports whether a rename failed because another program holds
// the target open (Excel does, for a workbook it shows).
func locked(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, errorSharingViolation) || errors.Is(err, errorLockViolation)
}
