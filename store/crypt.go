package store

import (
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/curve25519"

	"parley/model"
)

// An encrypted notebook seals every record value with XChaCha20-Poly1305
// under a random data key; bucket names, record keys (IDs) and the meta
// bucket stay plain. The data key is kept in meta sealed under a key that
// argon2id derives from the passphrase, so changing the passphrase or
// raising the KDF's cost never needs the old key outside the process. Each
// value is sealed with its bucket's name and its key as associated data,
// so a value moved to another record or bucket fails to open instead of
// being read as that record.
//
// A record's bytes pass through one place each way: sealValue on the way
// in and openValue on the way out (put, get, forEach, decodeBucket and the
// raw-value helpers below use them). The sealer is found from the
// transaction's database, so the many callers of those helpers need not
// carry it.

// Errors that Open returns for an encrypted notebook, wrapped with its
// path. Their text is written for the user and says nothing of what is in
// it.
var (
	ErrNeedsPassphrase = errors.New("it is encrypted and needs its passphrase")
	ErrWrongPassphrase = errors.New("the passphrase is wrong")
)

// KDFParams is the cost of turning a passphrase into a key with argon2id.
// They are kept in the notebook, so a later Parley can raise its default
// and `parley passphrase` moves a notebook up to it.
type KDFParams struct {
	Time      uint32 `json:"time"`
	MemoryKiB uint32 `json:"memory_kib"`
	Threads   uint8  `json:"threads"`
}

// DefaultKDF is what a new passphrase costs: 64 MiB and three passes, the
// second recommendation of RFC 9106, about a fifth of a second here.
var DefaultKDF = KDFParams{Time: 3, MemoryKiB: 64 * 1024, Threads: 4}

// Bounds on the KDF parameters read from a file: a hostile notebook must
// not make Parley allocate the machine's memory away.
const (
	maxKDFTime   = 64
	maxKDFMemory = 1 << 20 // KiB: 1 GiB
	saltSize     = 16
	keySize      = chacha20poly1305.KeySize
	sealVersion  = 1
)

// keyCrypt holds the cryptRecord of an encrypted notebook in meta; a
// notebook without it is plain.
var keyCrypt = []byte("crypt")

// cryptRecord is what meta keeps of an encrypted notebook.
type cryptRecord struct {
	KDF    string    `json:"kdf"`
	Params KDFParams `json:"params"`
	Salt   []byte    `json:"salt"`
	// DataKey is the data key sealed under the passphrase key.
	DataKey []byte `json:"data_key"`
	// Recipient is the X25519 public key that `parley add` and the spool
	// seal to without the passphrase; RecipientKey is its private half,
	// sealed under the data key.
	Recipient    []byte `json:"recipient"`
	RecipientKey []byte `json:"recipient_key"`
}

const kdfArgon2id = "argon2id"

// Associated data of the values in meta sealed under the passphrase key
// and the data key.
var (
	adDataKey      = []byte("parley data key")
	adRecipientKey = []byte("parley recipient key")
)

// sealer seals and opens record values of one encrypted notebook. A nil
// sealer is a plain notebook: values pass through unchanged.
type sealer struct {
	aead      cipher.AEAD
	record    cryptRecord
	recipient [32]byte
	private   [32]byte
}

// newSealer makes the sealer of a notebook about to be encrypted with
// passphrase: a fresh salt, data key and recipient key pair.
func newSealer(passphrase []byte, p KDFParams) (*sealer, error) {
	if len(passphrase) == 0 {
		return nil, errors.New("the passphrase is empty")
	}
	if err := p.check(); err != nil {
		return nil, err
	}
	dataKey := make([]byte, keySize)
	salt := make([]byte, saltSize)
	var private [32]byte
	for _, b := range [][]byte{dataKey, salt, private[:]} {
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
	}
	recipient, err := curve25519.X25519(private[:], curve25519.Basepoint)
	if err != nil {
		return nil, err
	}
	kek, err := chacha20poly1305.NewX(argon2.IDKey(passphrase, salt, p.Time, p.MemoryKiB, p.Threads, keySize))
	if err != nil {
		return nil, err
	}
	aead, err := chacha20poly1305.NewX(dataKey)
	if err != nil {
		return nil, err
	}
	s := &sealer{aead: aead, record: cryptRecord{KDF: kdfArgon2id, Params: p, Salt: salt,
		DataKey: sealWith(kek, adDataKey, dataKey), Recipient: recipient}}
	copy(s.recipient[:], recipient)
	s.private = private
	s.record.RecipientKey = sealWith(aead, adRecipientKey, private[:])
	return s, nil
}

// unlock derives the passphrase key from rec and opens the data key. A
// wrong passphrase fails the data key's authentication, after the KDF.
func unlock(rec cryptRecord, passphrase []byte) (*sealer, error) {
	if rec.KDF != kdfArgon2id || len(rec.Salt) < saltSize || len(rec.Recipient) != 32 {
		return nil, fmt.Errorf("%w: its encryption settings are unreadable", ErrDamaged)
	}
	if err := rec.Params.check(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	kek, err := chacha20poly1305.NewX(argon2.IDKey(passphrase, rec.Salt, rec.Params.Time, rec.Params.MemoryKiB,
		rec.Params.Threads, keySize))
	if err != nil {
		return nil, err
	}
	dataKey, err := openWith(kek, adDataKey, rec.DataKey)
	if err != nil || len(dataKey) != keySize {
		return nil, ErrWrongPassphrase
	}
	aead, err := chacha20poly1305.NewX(dataKey)
	if err != nil {
		return nil, err
	}
	private, err := openWith(aead, adRecipientKey, rec.RecipientKey)
	if err != nil || len(private) != 32 {
		return nil, fmt.Errorf("%w: its spool key cannot be opened", ErrDamaged)
	}
	s := &sealer{aead: aead, record: rec}
	copy(s.recipient[:], rec.Recipient)
	copy(s.private[:], private)
	return s, nil
}

func (p KDFParams) check() error {
	if p.Time < 1 || p.Time > maxKDFTime || p.MemoryKiB < 8*uint32(max(p.Threads, 1)) ||
		p.MemoryKiB > maxKDFMemory || p.Threads < 1 {
		return fmt.Errorf("the key derivation settings (%d passes, %d KiB, %d threads) are out of bounds",
			p.Time, p.MemoryKiB, p.Threads)
	}
	return nil
}

// sealWith seals plain under aead: a version byte, a random nonce, then the
// ciphertext.
func sealWith(aead cipher.AEAD, ad, plain []byte) []byte {
	out := make([]byte, 1+aead.NonceSize(), 1+aead.NonceSize()+len(plain)+aead.Overhead())
	out[0] = sealVersion
	if _, err := rand.Read(out[1:]); err != nil {
		// crypto/rand never fails on the systems Go supports; if it did,
		// a reused nonce would be worse than stopping.
		panic(fmt.Sprintf("crypto/rand: %v", err))
	}
	return aead.Seal(out, out[1:], plain, ad)
}

func openWith(aead cipher.AEAD, ad, sealed []byte) ([]byte, error) {
	n := 1 + aead.NonceSize()
	if len(sealed) < n+aead.Overhead() || sealed[0] != sealVersion {
		return nil, errors.New("not sealed")
	}
	return aead.Open(nil, sealed[1:n], sealed[n:], ad)
}

// associated is a value's associated data: its bucket's name and its key.
func associated(bucket, key []byte) []byte {
	ad := make([]byte, 0, len(bucket)+1+len(key))
	ad = append(ad, bucket...)
	ad = append(ad, 0)
	return append(ad, key...)
}

// sealValue is what is stored for the plain value data under key in
// bucket.
func (s *sealer) sealValue(bucket, key, data []byte) []byte {
	if s == nil {
		return data
	}
	return sealWith(s.aead, associated(bucket, key), data)
}

// openValue is the plain value of what is stored under key in bucket. For
// a sealed value it is a new slice, so it outlives the transaction.
func (s *sealer) openValue(bucket, key, data []byte) ([]byte, error) {
	return (&valueOpener{s: s, bucket: bucket}).open(key, data)
}

func describeKey(key []byte) string {
	if len(key) == 8 {
		return fmt.Sprint(binary.BigEndian.Uint64(key))
	}
	return fmt.Sprintf("%q", key)
}

// sealers maps each open database of an encrypted notebook to its sealer.
// The record helpers find it from their transaction (tx.DB()) rather than
// taking it as a parameter, so that every read and write path is covered
// without threading the sealer through each caller.
var sealers sync.Map // *bolt.DB → *sealer

func register(db *bolt.DB, s *sealer) {
	if s != nil {
		sealers.Store(db, s)
	}
}

func unregister(db *bolt.DB) { sealers.Delete(db) }

// sealerOf is the sealer of tx's notebook, nil for a plain one.
func sealerOf(tx *bolt.Tx) *sealer {
	if v, ok := sealers.Load(tx.DB()); ok {
		return v.(*sealer)
	}
	return nil
}

// recordBucket names the bucket records of v's type are kept in: the
// associated data of a value sealed by put and opened by get, forEach and
// decodeBucket. A type missing here cannot be sealed, which the tests of
// an encrypted notebook catch.
func recordBucket(v any) ([]byte, error) {
	switch v.(type) {
	case model.Contact, *model.Contact:
		return bucketContacts, nil
	case interviewHeader, *interviewHeader, model.Interview, *model.Interview:
		return bucketInterviews, nil
	case checklist, *checklist:
		return bucketChecklists, nil
	case []model.Note, *[]model.Note:
		return bucketInterviewNotes, nil
	case model.Interaction, *model.Interaction:
		return bucketInteractions, nil
	case storedTemplate, *storedTemplate:
		return bucketTemplates, nil
	}
	return nil, fmt.Errorf("no bucket is known for a %T record", v)
}

// sealRecord is data, the encoding of v stored under key, as it is
// written in tx's notebook.
func sealRecord(tx *bolt.Tx, key []byte, v any, data []byte) ([]byte, error) {
	s := sealerOf(tx)
	if s == nil {
		return data, nil
	}
	bucket, err := recordBucket(v)
	if err != nil {
		return nil, err
	}
	return s.sealValue(bucket, key, data), nil
}

// openRecord is the encoding of the record v stored under key, from data
// as it is written in a notebook sealed by s.
func (s *sealer) openRecord(key []byte, v any, data []byte) ([]byte, error) {
	if s == nil {
		return data, nil
	}
	bucket, err := recordBucket(v)
	if err != nil {
		return nil, err
	}
	return s.openValue(bucket, key, data)
}

// valueOpener opens the values of one bucket in a loop, reusing its
// buffers: a value it returns is good until its next call, which is all a
// decoder that copies what it keeps (encoding/json) needs. It halves what
// reading an encrypted notebook allocates.
type valueOpener struct {
	s         *sealer
	bucket    []byte
	ad, plain []byte
}

// openerOf opens the values of bucket in tx's notebook.
func openerOf(tx *bolt.Tx, bucket []byte) *valueOpener {
	return &valueOpener{s: sealerOf(tx), bucket: bucket}
}

// recordOpener opens records of T's kind (see recordBucket) in tx's
// notebook.
func recordOpener[T any](tx *bolt.Tx) (*valueOpener, error) {
	s := sealerOf(tx)
	if s == nil {
		return &valueOpener{}, nil
	}
	bucket, err := recordBucket(new(T))
	if err != nil {
		return nil, err
	}
	return &valueOpener{s: s, bucket: bucket}, nil
}

func (o *valueOpener) open(key, data []byte) ([]byte, error) {
	if o.s == nil {
		return data, nil
	}
	o.ad = append(append(append(o.ad[:0], o.bucket...), 0), key...)
	n := 1 + o.s.aead.NonceSize()
	var err error
	if len(data) < n+o.s.aead.Overhead() || data[0] != sealVersion {
		err = errors.New("not sealed")
	} else {
		o.plain, err = o.s.aead.Open(o.plain[:0], data[1:n], data[n:], o.ad)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: the %s record %s cannot be unsealed", ErrDamaged, o.bucket, describeKey(key))
	}
	return o.plain, nil
}

// putRaw stores the plain value data under key in bucket, sealed if the
// notebook is encrypted: for values that are not JSON records.
func putRaw(tx *bolt.Tx, bucket, key, data []byte) error {
	b := tx.Bucket(bucket)
	if b == nil {
		return errMissingBucket
	}
	return b.Put(key, sealerOf(tx).sealValue(bucket, key, data))
}

// getRaw is the plain value under key in bucket, nil if there is none. It
// may point into bbolt's memory: copy it before the transaction ends.
func getRaw(tx *bolt.Tx, bucket, key []byte) ([]byte, error) {
	b := tx.Bucket(bucket)
	if b == nil {
		return nil, errMissingBucket
	}
	data := b.Get(key)
	if data == nil {
		return nil, nil
	}
	return sealerOf(tx).openValue(bucket, key, data)
}

// readCryptRecord reads meta's encryption settings; ok is false for a
// plain notebook.
func readCryptRecord(tx *bolt.Tx) (rec cryptRecord, ok bool, err error) {
	data := tx.Bucket(bucketMeta).Get(keyCrypt)
	if data == nil {
		return rec, false, nil
	}
	if err := json.Unmarshal(data, &rec); err != nil {
		return rec, false, fmt.Errorf("%w: its encryption settings %s", ErrDamaged, jsonProblem(err))
	}
	return rec, true, nil
}

// Encrypted reports whether the notebook is encrypted.
func (s *Store) Encrypted() bool { return s.sealer != nil }

// KDF is the cost of the notebook's passphrase, zero for a plain one.
func (s *Store) KDF() KDFParams {
	if s.sealer == nil {
		return KDFParams{}
	}
	return s.sealer.record.Params
}

// unlockWith opens rec with passphrase, or says one is needed.
func unlockWith(rec cryptRecord, passphrase []byte) (*sealer, error) {
	if len(passphrase) == 0 {
		return nil, ErrNeedsPassphrase
	}
	return unlock(rec, passphrase)
}
