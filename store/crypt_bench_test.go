package store_test

import (
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"parley/demo"
	"parley/store"
)

// BenchmarkEncrypted puts the reads of an encrypted notebook beside the
// same reads of the same notebook plain (demo.Fill, 1,000 and 10,000
// contacts). The encrypted one is opened with the cheapest KDF, so what is
// measured is the sealing; BenchmarkKDF is the passphrase's own cost, paid
// once per open.
func BenchmarkEncrypted(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		dir := b.TempDir()
		plain, crypt := filepath.Join(dir, "plain.db"), filepath.Join(dir, "crypt.db")
		s := mustOpen(b, plain)
		if _, err := demo.Fill(s, n, 1, benchNow); err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		data, err := os.ReadFile(plain)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(crypt, data, 0o600); err != nil {
			b.Fatal(err)
		}
		s = mustOpen(b, crypt)
		if err := s.Encrypt([]byte("bench"), cheapKDF); err != nil {
			b.Fatal(err)
		}
		s.Close()
		for _, nb := range []struct {
			name, path, pass string
		}{{"plain", plain, ""}, {"encrypted", crypt, "bench"}} {
			open := func() *store.Store {
				s, err := store.Open(nb.path, store.WithPassphrase([]byte(nb.pass)))
				if err != nil {
					b.Fatal(err)
				}
				return s
			}
			b.Run("contacts="+strconv.Itoa(n)+"/"+nb.name+"/open+overview", func(b *testing.B) {
				eachTimedCPU(b, func() {
					s := open()
					if _, err := s.Overview(); err != nil {
						b.Fatal(err)
					}
					s.Close()
				})
			})
			b.Run("contacts="+strconv.Itoa(n)+"/"+nb.name+"/overview", func(b *testing.B) {
				s := open()
				defer s.Close()
				eachTimedCPU(b, func() {
					if _, err := s.Overview(); err != nil {
						b.Fatal(err)
					}
				})
			})
			b.Run("contacts="+strconv.Itoa(n)+"/"+nb.name+"/open+snapshot", func(b *testing.B) {
				eachTimedCPU(b, func() {
					s := open()
					if _, err := s.Snapshot(); err != nil {
						b.Fatal(err)
					}
					s.Close()
				})
			})
		}
	}
}

// BenchmarkKDF is what the passphrase costs at each open: argon2id at
// DefaultKDF, which a 10k notebook's open pays once on top of the reads.
func BenchmarkKDF(b *testing.B) {
	path := filepath.Join(b.TempDir(), "parley.db")
	s := mustOpen(b, path)
	if err := s.Encrypt([]byte("bench"), store.DefaultKDF); err != nil {
		b.Fatal(err)
	}
	s.Close()
	eachTimedCPU(b, func() {
		s, err := store.OpenReadOnly(path, store.WithPassphrase([]byte("bench")))
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	})
}

// eachTimedCPU is eachTimed that also reports the process's CPU time per
// run (user and system, every thread): on a machine shared with other
// work, wall time says more about the neighbours than about the code.
func eachTimedCPU(b *testing.B, f func()) {
	b.Helper()
	var before, after syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &before); err != nil {
		b.Fatal(err)
	}
	eachTimed(b, f)
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &after); err != nil {
		b.Fatal(err)
	}
	cpu := time.Duration(after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano())
	b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
}
