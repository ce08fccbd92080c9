package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"sync"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// Schema 3 keeps, per contact, a summary: the contact and what its
// interviews and timeline say (model.ActivityFacts), in a compact binary
// encoding (summary_codec.go). The first screen and the list read only
// these: at 10,000 contacts, decoding the contacts, interview headers and
// timeline as JSON took about 120 ms, the summaries a few.
//
// The summary is derived data, rewritten in the transaction that changes
// any record it is made from: the low-level writers (putContact,
// putInterview, deleteInterview, putInteraction, deleteInteraction) call
// refreshSummary, so every path that writes through them keeps it right.
var bucketContactSummaries = []byte("contact-summaries")

// Summaries is what the first screen and the contact list compute from.
type Summaries struct {
	// Contacts are every contact, in ID order.
	Contacts []model.Contact
	// Facts are each contact's activity, by position in Contacts.
	Facts    []model.ActivityFacts
	Settings model.Settings
}

// Summaries reads every contact's summary and the due-date rules in one
// transaction. When the contacts and the summaries do not start and end on
// the same keys (a contact written by a path that bypassed the low-level
// writers), every contact is read and one without a summary is summarised
// from its records here, so nobody goes missing from the first screen; a
// read never writes.
func (s *Store) Summaries() (Summaries, error) {
	var out Summaries
	err := guard(func() error {
		return s.view(func(tx *bolt.Tx) error {
			out = Summaries{}
			var err error
			if out.Settings, err = readDueRules(tx); err != nil {
				return err
			}
			contacts, summaries := tx.Bucket(bucketContacts), tx.Bucket(bucketContactSummaries)
			if contacts == nil || summaries == nil {
				return errMissingBucket
			}
			n := min(contacts.Sequence(), 1<<20)
			out.Contacts = make([]model.Contact, 0, n)
			out.Facts = make([]model.ActivityFacts, 0, n)
			if sameEnds(contacts, summaries) {
				// The usual case: read the summaries alone. Going through
				// the contacts too would bring every page of their JSON
				// into memory (bbolt maps the file) for nothing.
				opener := openerOf(tx, bucketContactSummaries)
				var keys, values [][]byte
				err := summaries.ForEach(func(k, v []byte) error {
					plain, err := opener.open(k, v)
					if err != nil {
						return err
					}
					if opener.s != nil {
						// Unsealed into the opener's one buffer.
						plain = bytes.Clone(plain)
					}
					keys, values = append(keys, k), append(values, plain)
					return nil
				})
				if err != nil {
					return err
				}
				out.Contacts, out.Facts, err = decodeSummaries(keys, values)
				return err
			}
			summaryOpener := openerOf(tx, bucketContactSummaries)
			contactOpener, err := recordOpener[model.Contact](tx)
			if err != nil {
				return err
			}
			sc := summaries.Cursor()
			sk, sv := sc.First()
			cc := contacts.Cursor()
			for ck, cv := cc.First(); ck != nil; ck, cv = cc.Next() {
				for sk != nil && bytes.Compare(sk, ck) < 0 {
					sk, sv = sc.Next()
				}
				var c model.Contact
				var f model.ActivityFacts
				if sk != nil && bytes.Equal(sk, ck) {
					plain, err := summaryOpener.open(sk, sv)
					if err != nil {
						return err
					}
					if c, f, err = decodeSummary(plain); err != nil {
						return fmt.Errorf("%w: summary of contact %d: %v", ErrDamaged, binary.BigEndian.Uint64(ck), err)
					}
				} else {
					plain, err := contactOpener.open(ck, cv)
					if err != nil {
						return err
					}
					if err := decodeRecord(ck, plain, &c); err != nil {
						return err
					}
					if f, err = factsOf(tx, c.ID); err != nil {
						return err
					}
				}
				out.Contacts = append(out.Contacts, c)
				out.Facts = append(out.Facts, f)
			}
			return nil
		})
	})
	if err != nil {
		return Summaries{}, fmt.Errorf("read notebook: %w", err)
	}
	return out, nil
}

// decodeSummaries decodes the summaries in values (keys are their
// contacts' keys), split between the processors: at 10,000 contacts the
// decoding is most of the first screen's read. The values may be the
// transaction's mapped pages: they are only read, and the transaction
// stays open until every part is done.
func decodeSummaries(keys, values [][]byte) ([]model.Contact, []model.ActivityFacts, error) {
	contacts := make([]model.Contact, len(values))
	facts := make([]model.ActivityFacts, len(values))
	parts := min(runtime.GOMAXPROCS(0), 4, max(1, len(values)/summariesPerPart))
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*len(values)/parts, (p+1)*len(values)/parts
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				c, f, err := decodeSummary(values[i])
				if err != nil {
					errs[p] = fmt.Errorf("%w: summary of contact %d: %v", ErrDamaged, binary.BigEndian.Uint64(keys[i]), err)
					return
				}
				contacts[i], facts[i] = c, f
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	return contacts, facts, nil
}

// summariesPerPart is the least a goroutine of decodeSummaries is given:
// fewer decode faster than a goroutine starts.
const summariesPerPart = 1000

// sameEnds reports whether the contacts and their summaries have the same
// first and last keys. Contacts added past the writers (which keep the
// summaries) get new, higher IDs, so they change the last key; checking
// reads a few pages whatever the notebook's size. A summary missing in the
// middle is not seen here.
func sameEnds(contacts, summaries *bolt.Bucket) bool {
	cc, sc := contacts.Cursor(), summaries.Cursor()
	ck, _ := cc.First()
	sk, _ := sc.First()
	if !bytes.Equal(ck, sk) {
		return false
	}
	ck, _ = cc.Last()
	sk, _ = sc.Last()
	return bytes.Equal(ck, sk)
}

// readDueRules reads the due-date rules, normalised.
func readDueRules(tx *bolt.Tx) (model.Settings, error) {
	var st model.Settings
	data, err := getRaw(tx, bucketSettings, keyDueRules)
	if err != nil {
		return st, err
	}
	if data != nil {
		if err := json.Unmarshal(data, &st); err != nil {
			return st, fmt.Errorf("%w: settings: %v", ErrDamaged, err)
		}
	}
	return st.Normalized(), nil
}

// factsOf summarises contactID's interviews and timeline, found through
// the indexes.
func factsOf(tx *bolt.Tx, contactID uint64) (model.ActivityFacts, error) {
	var ivs []model.Interview
	for _, id := range indexed(tx.Bucket(bucketContactInterviews), contactID) {
		h, err := readInterviewHeader(tx, id)
		if err != nil {
			return model.ActivityFacts{}, err
		}
		ivs = append(ivs, h.Interview)
	}
	var its []model.Interaction
	for _, id := range indexed(tx.Bucket(bucketContactInteractions), contactID) {
		it, err := readInteraction(tx, id, false)
		if err != nil {
			return model.ActivityFacts{}, err
		}
		its = append(its, it)
	}
	return model.SummarizeFacts(ivs, its)[contactID], nil
}

// refreshSummary rewrites contactID's summary from its records, or removes
// it when the contact is gone. Before schema 3 there is no summaries
// bucket: the migration to it summarises every contact.
func refreshSummary(tx *bolt.Tx, contactID uint64) error {
	summaries := tx.Bucket(bucketContactSummaries)
	if summaries == nil {
		return nil
	}
	var c model.Contact
	switch err := get(tx.Bucket(bucketContacts), contactID, &c); {
	case errors.Is(err, ErrNotFound):
		return summaries.Delete(itob(contactID))
	case err != nil:
		return err
	}
	f, err := factsOf(tx, contactID)
	if err != nil {
		return err
	}
	// Sealed like every record when the notebook is encrypted.
	return putRaw(tx, bucketContactSummaries, itob(contactID), encodeSummary(nil, c, f))
}

// putContact writes a contact and its summary.
func putContact(tx *bolt.Tx, c model.Contact) error {
	if err := put(tx.Bucket(bucketContacts), c.ID, c); err != nil {
		return err
	}
	return refreshSummary(tx, c.ID)
}

// keySummaryRules in meta is the model.FactsRules the summaries were
// worked out with.
var keySummaryRules = []byte("summary-rules")

// summaryRules is model.FactsRules as stored.
func summaryRules() []byte { return []byte(strconv.Itoa(model.FactsRules)) }

// refreshStaleSummaries works every summary out again when this build's
// rules for them differ from those they were made with: derived data must
// not outlive the rules that derived it. One transaction; an up-to-date
// notebook is only read.
func (s *Store) refreshStaleSummaries() error {
	var stale bool
	err := guard(func() error {
		return s.view(func(tx *bolt.Tx) error {
			stale = !bytes.Equal(tx.Bucket(bucketMeta).Get(keySummaryRules), summaryRules())
			return nil
		})
	})
	if err != nil || !stale {
		return err
	}
	return guard(func() error { return s.update(migrateToSummaries) })
}

// migrateToSummaries is schema 2 → 3: it summarises every contact, and
// records the rules it followed.
func migrateToSummaries(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketContactSummaries); err != nil {
		return err
	}
	if err := tx.Bucket(bucketMeta).Put(keySummaryRules, summaryRules()); err != nil {
		return err
	}
	var ids []uint64
	if err := tx.Bucket(bucketContacts).ForEach(func(k, _ []byte) error {
		if len(k) != 8 {
			return fmt.Errorf("%w: a contact's key is not an ID (%q)", ErrDamaged, k)
		}
		ids = append(ids, binary.BigEndian.Uint64(k))
		return nil
	}); err != nil {
		return err
	}
	for _, id := range ids {
		if err := refreshSummary(tx, id); err != nil {
			return fmt.Errorf("contact %d: %w", id, err)
		}
	}
	return nil
}

// ReferralFamily returns the contacts in id's referral tree — up to three
// referrers above it, and two levels of the people referred below — with
// the contact itself. Who referred whom is peeked from every summary
// without decoding the rest; only the family is read whole.
func (s *Store) ReferralFamily(id uint64) ([]model.Contact, error) {
	var out []model.Contact
	err := guard(func() error {
		return s.view(func(tx *bolt.Tx) error {
			out = nil
			contacts := tx.Bucket(bucketContacts)
			var self model.Contact
			if err := get(contacts, id, &self); err != nil {
				return err
			}
			referrer := map[uint64]uint64{}
			opener := openerOf(tx, bucketContactSummaries)
			if err := tx.Bucket(bucketContactSummaries).ForEach(func(k, v []byte) error {
				v, err := opener.open(k, v)
				if err != nil {
					return err
				}
				if by, ok := peekReferredBy(v); !ok {
					return fmt.Errorf("%w: summary of contact %d", ErrDamaged, binary.BigEndian.Uint64(k))
				} else if by != 0 {
					referrer[binary.BigEndian.Uint64(k)] = by
				}
				return nil
			}); err != nil {
				return err
			}
			family := []uint64{}
			seen := map[uint64]bool{id: true}
			for up, n := self.ReferredBy, 0; up != 0 && !seen[up] && n < 3; up, n = referrer[up], n+1 {
				seen[up] = true
				family = append(family, up)
			}
			for depth, level := 0, map[uint64]bool{id: true}; depth < 2; depth++ {
				next := map[uint64]bool{}
				for c, by := range referrer {
					if level[by] && !seen[c] {
						seen[c], next[c] = true, true
						family = append(family, c)
					}
				}
				level = next
			}
			out = append(out, self)
			for _, fid := range family {
				var c model.Contact
				switch err := get(contacts, fid, &c); {
				case err == nil:
					out = append(out, c)
				case !errors.Is(err, ErrNotFound):
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read the referrals of contact %d: %w", id, err)
	}
	return out, nil
}

// peekReferredBy reads a summary's ReferredBy without decoding the rest.
func peekReferredBy(data []byte) (uint64, bool) {
	if len(data) == 0 || data[0] != summaryVersion {
		return 0, false
	}
	p := 1
	uvarint := func() (uint64, bool) {
		v, n := binary.Uvarint(data[p:])
		if n <= 0 {
			return 0, false
		}
		p += n
		return v, true
	}
	if _, ok := uvarint(); !ok { // ID
		return 0, false
	}
	for range 10 { // the text fields before ReferredBy
		n, ok := uvarint()
		if !ok || n > uint64(len(data)-p) {
			return 0, false
		}
		p += int(n)
	}
	return uvarint()
}
