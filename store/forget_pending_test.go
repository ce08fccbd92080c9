package store

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// TestKillBetweenForgetAndCompactionCompactsAtNextOpen stops a forget after
// its transaction, as a kill would before the compaction: a read-only open
// leaves the file as it is, and the next read-write open compacts it, so no
// byte of the forgotten contact remains.
func TestKillBetweenForgetAndCompactionCompactsAtNextOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	const mark = "ZqForgottenResearchXv"
	c, err := s.PutContact(model.Contact{Name: "ZqForgottenXv", Notes: mark})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.removeForgotten(c.ID, false, time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil { // killed here, before the compaction
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(before, []byte(mark)) {
		t.Fatal("the free pages already lack the mark: the test proves nothing")
	}

	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	ro.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a read-only open changed the file")
	}

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(after, []byte(mark)) {
		t.Error("the next open did not compact: the mark is still in the file")
	}
	err = s.view(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketMeta).Get(keyCompactPending) != nil {
			t.Error("the compacted notebook still says a compaction is pending")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(); err != nil {
		t.Fatal(err)
	}
}
