package store

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"parley/model/sample"
)

// writeSchema1 writes n generated contacts (model/sample, seed 1, at
// benchNow) as the schema-1 store laid them out — one JSON record per
// contact, interview (notes included) and timeline entry — for measuring
// the upgrade at size. IDs are given in the order AddContacts gives them,
// so the records are the same as a demo notebook's.
func writeSchema1(tb testing.TB, path string, n int, now time.Time) {
	tb.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	gen := sample.New(1, now)
	var contactID, interviewID, entryID uint64
	for lo := 0; lo < n; lo += 2000 {
		err := db.Update(func(tx *bolt.Tx) error {
			meta, err := tx.CreateBucketIfNotExists(bucketMeta)
			if err != nil {
				return err
			}
			if err := meta.Put(keyApp, appName); err != nil {
				return err
			}
			if err := meta.Put(keySchema, []byte("1")); err != nil {
				return err
			}
			for _, b := range [][]byte{bucketContacts, bucketInterviews, bucketInteractions,
				bucketQuestions, bucketPlans, bucketTemplates, bucketSettings} {
				if _, err := tx.CreateBucketIfNotExists(b); err != nil {
					return err
				}
			}
			for i := lo; i < min(lo+2000, n); i++ {
				p := gen.Next()
				contactID++
				c := p.Contact
				c.ID = contactID
				if p.Referrer >= 0 {
					c.ReferredBy = uint64(p.Referrer + 1)
				}
				if err := put(tx.Bucket(bucketContacts), c.ID, c); err != nil {
					return err
				}
				for _, iv := range p.Interviews {
					interviewID++
					iv.ID, iv.ContactID = interviewID, c.ID
					if err := put(tx.Bucket(bucketInterviews), iv.ID, iv); err != nil {
						return err
					}
				}
				for _, it := range p.Interactions {
					entryID++
					it.ID, it.ContactID = entryID, c.ID
					if err := put(tx.Bucket(bucketInteractions), it.ID, it); err != nil {
						return err
					}
				}
			}
			for b, seq := range map[string]uint64{"contacts": contactID, "interviews": interviewID, "interactions": entryID} {
				if err := tx.Bucket([]byte(b)).SetSequence(seq); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkUpgrade measures opening a schema-1 notebook of each size for
// the first time: the copy kept beside it and the upgrade to schema 2.
// PARLEY_SCHEMA1_DIR keeps the schema-1 files there for other runs.
func BenchmarkUpgrade(b *testing.B) {
	now := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
	for _, n := range []int{1000, 10000, 50000} {
		b.Run("contacts="+strconv.Itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			old := filepath.Join(dir, "schema1.db")
			if keep := os.Getenv("PARLEY_SCHEMA1_DIR"); keep != "" {
				old = filepath.Join(keep, "schema1-"+strconv.Itoa(n)+".db")
			}
			if _, err := os.Stat(old); err != nil {
				writeSchema1(b, old, n, now)
			}
			data, err := os.ReadFile(old)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			var worst time.Duration
			b.ResetTimer()
			for i := range b.N {
				b.StopTimer()
				path := filepath.Join(dir, "upgrade-"+strconv.Itoa(i)+".db")
				if err := os.WriteFile(path, data, 0o600); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				start := time.Now()
				s, err := Open(path)
				if err != nil {
					b.Fatal(err)
				}
				s.Close()
				worst = max(worst, time.Since(start))
				b.StopTimer()
				os.Remove(path)
				os.Remove(BackupPath(path, 1))
				b.StartTimer()
			}
			b.ReportMetric(float64(worst)/1e6, "worst-ms")
		})
	}
}
