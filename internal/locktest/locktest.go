// Package locktest holds an SQLite file's write lock from another process,
// as a second reviewer's netreview would while it records, so that tests can
// see what a command does with a record it cannot write.
package locktest

import (
	"bufio"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"testing"

	_ "modernc.org/sqlite" // the SQLite driver
)

// asLocker is set in the environment of the test binary's child: its value
// is the file to lock.
const asLocker = "NETREVIEW_TEST_LOCK_RECORD"

// Init makes the test binary, run as Lock's child, hold the lock instead of
// running tests. Call it first in TestMain or a test file's init.
func Init() {
	path := os.Getenv(asLocker)
	if path == "" {
		return
	}
	os.Exit(hold(path))
}

// hold takes the write lock of the SQLite file at path (BEGIN IMMEDIATE),
// says "locked" on standard output and keeps the lock until standard input
// closes.
func hold(path string) int {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(2000)&_txlock=immediate")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("locked")
	bufio.NewReader(os.Stdin).ReadString('\n')
	tx.Rollback()
	return 0
}

// Lock starts a process that holds the write lock of the SQLite file at
// path until the test ends. The test binary must call Init.
func Lock(t testing.TB, path string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), asLocker+"="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stdin.Close()
		cmd.Wait()
	})
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if line != "locked\n" {
		t.Fatalf("the locking process did not lock %s: %q", path, line)
	}
}
