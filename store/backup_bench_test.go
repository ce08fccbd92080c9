package store

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkSaveDuringBackup is what a save costs while the daily backup
// copies the notebook, which now runs while the interface is in use,
// against the same saves with no backup running. It needs a large
// notebook, made by `parley demo`:
//
//	parley demo --db /tmp/n50k.db --contacts 50000
//	PARLEY_BENCH_NOTEBOOK=/tmp/n50k.db go test -run - -bench SaveDuringBackup ./store/
//
// The notebook is copied first; the copy is what is written.
func BenchmarkSaveDuringBackup(b *testing.B) {
	src := os.Getenv("PARLEY_BENCH_NOTEBOOK")
	if src == "" {
		b.Skip("set PARLEY_BENCH_NOTEBOOK to a notebook `parley demo` made")
	}
	path := filepath.Join(b.TempDir(), "n.db")
	if err := copyFile(src, path); err != nil {
		b.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	c, err := s.Contact(1)
	if err != nil {
		b.Fatal(err)
	}
	save := func(i int) time.Duration {
		c.Notes = fmt.Sprintf("Save %d while the backup runs.", i)
		start := time.Now()
		if _, err := s.PutContact(c); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	report := func(b *testing.B, saves []time.Duration) {
		var sum time.Duration
		for _, d := range saves {
			sum += d
		}
		b.ReportMetric(float64(sum.Microseconds())/float64(len(saves))/1000, "save-mean-ms")
		b.ReportMetric(float64(slices.Max(saves).Microseconds())/1000, "save-worst-ms")
		b.ReportMetric(float64(len(saves))/float64(b.N), "saves/op")
	}
	b.Run("idle", func(b *testing.B) {
		var saves []time.Duration
		for b.Loop() {
			for i := range 20 {
				saves = append(saves, save(i))
			}
		}
		report(b, saves)
	})
	b.Run("backup", func(b *testing.B) {
		var saves []time.Duration
		day := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
		for b.Loop() {
			b.StopTimer()
			if err := os.RemoveAll(BackupFolder(path)); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			done := make(chan error, 1)
			go func() {
				_, err := s.RollingBackup(day)
				done <- err
			}()
			for i := 0; ; i++ {
				select {
				case err := <-done:
					if err != nil {
						b.Fatal(err)
					}
				default:
					saves = append(saves, save(i))
					continue
				}
				break
			}
		}
		report(b, saves)
		worst := slices.Index(saves, slices.Max(saves))
		var at time.Duration
		for _, d := range saves[:worst] {
			at += d
		}
		b.Logf("worst save is number %d of %d, %v after the first", worst, len(saves), at)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
