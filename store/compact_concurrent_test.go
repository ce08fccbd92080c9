package store_test

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"parley/model"
)

// TestCompactWhileOthersWrite compacts over and over while other
// goroutines write and read, as the TUI's commands do while a forget
// compacts: no write is lost to the swap of files and no read fails on the
// closed one. Run it with -race.
func TestCompactWhileOthersWrite(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		t.Run(fmt.Sprint("encrypted=", encrypted), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "parley.db")
			s := openWith(t, path, "")
			if encrypted {
				if err := s.Encrypt([]byte("pw"), cheapKDF); err != nil {
					t.Fatal(err)
				}
			}
			const writers, each = 3, 20
			var wg sync.WaitGroup
			errs := make(chan error, writers*each+10)
			for w := range writers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range each {
						c, err := s.PutContact(model.Contact{Name: fmt.Sprintf("w%d-%d", w, i)})
						if err == nil {
							_, err = s.Contact(c.ID)
						}
						if err != nil {
							errs <- err
						}
					}
				}()
			}
			for range 5 {
				if err := s.Compact(); err != nil {
					t.Fatal(err)
				}
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
			cs, err := s.Contacts()
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) != writers*each {
				t.Errorf("%d contacts after compacting under writes, want %d", len(cs), writers*each)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			again := openWith(t, path, "pw")
			defer again.Close()
			if cs, _ := again.Contacts(); len(cs) != writers*each {
				t.Errorf("%d contacts on disk, want %d", len(cs), writers*each)
			}
		})
	}
}
