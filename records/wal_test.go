package records

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// TestOpenWaitsToTurnOnWAL: a new record's file switches to write-ahead
// logging, which takes the file's exclusive lock; while another process
// holds the file's lock (as when several 'records add' start a record at
// once), Open waits for it, as it waits for a writer, rather than failing
// with SQLITE_BUSY at once.
func TestOpenWaitsToTurnOnWAL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "netreview.db")
	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Another process, starting the same new record, holds the file's
	// write lock for a while.
	for _, stmt := range []string{"BEGIN IMMEDIATE"} {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	released := make(chan struct{})
	go func() {
		time.Sleep(300 * time.Millisecond)
		conn.ExecContext(ctx, "COMMIT")
		close(released)
	}()
	db, err := Open(ctx, path, Options{Create: true, busyTimeout: 10 * time.Second})
	<-released
	if err != nil {
		t.Fatalf("Open while another holds the lock: %v", err)
	}
	db.Close()
}
