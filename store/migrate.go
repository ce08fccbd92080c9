package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// migrateToLayout2 is schema 1 → 2: it splits each interview into header
// and notes and each timeline entry into entry and text, and builds the
// contact indexes (see layout.go). Records are read whole before any is
// rewritten, since bbolt forbids changing a bucket while iterating it; it
// runs inside the migration's one transaction, so a failure changes nothing.
func migrateToLayout2(tx *bolt.Tx) error {
	for _, b := range layout2Buckets {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	var ivs []model.Interview
	if err := forEach(tx.Bucket(bucketInterviews), func(iv model.Interview) error {
		ivs = append(ivs, iv)
		return nil
	}); err != nil {
		return fmt.Errorf("interviews: %w", err)
	}
	for _, iv := range ivs {
		if err := putInterview(tx, iv); err != nil {
			return fmt.Errorf("interview %d: %w", iv.ID, err)
		}
	}
	var its []model.Interaction
	if err := forEach(tx.Bucket(bucketInteractions), func(it model.Interaction) error {
		its = append(its, it)
		return nil
	}); err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	for _, it := range its {
		if err := putInteraction(tx, it); err != nil {
			return fmt.Errorf("timeline entry %d: %w", it.ID, err)
		}
	}
	return nil
}

// BackupPath is where Open keeps a copy of a notebook of the given schema
// before upgrading it. The copy is kept after a successful upgrade too: it
// is the user's way back should the new layout ever disappoint, and it is
// theirs to delete.
func BackupPath(path string, schema int) string {
	return path + ".schema" + strconv.Itoa(schema) + ".bak"
}

// keepCopyBeforeUpgrade writes a consistent copy of the notebook open in db
// to BackupPath when Open is about to upgrade it. A new, empty notebook
// (schema 0) has nothing worth keeping.
func keepCopyBeforeUpgrade(db *bolt.DB, path string) error {
	return db.View(func(tx *bolt.Tx) error {
		v, err := strconv.Atoi(string(tx.Bucket(bucketMeta).Get(keySchema)))
		if err != nil || v == 0 || v >= SchemaVersion() {
			return nil
		}
		if err := writeCopy(tx, BackupPath(path, v), nil); err != nil {
			return fmt.Errorf("keep a copy before upgrading it: %w", err)
		}
		return nil
	})
}

// writeCopy writes tx's view of the database to dst, 0600, synced to disk
// before it takes its name, so a copy that exists is a whole one. Closing
// stop (nil never closes) abandons the copy and removes what was written.
func writeCopy(tx *bolt.Tx, dst string, stop <-chan struct{}) error {
	tmp := dst + ".new"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = tx.WriteTo(stoppable{f, stop})
	if err == nil {
		// Not after a failure: a part copy is removed, and syncing it
		// first would make a quit wait for it.
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, dst)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	if dir, err := os.Open(filepath.Dir(dst)); err == nil {
		dir.Sync()
		dir.Close()
	}
	return nil
}
