// Package storetest damages notebooks on purpose, for tests outside store/
// that check how Parley meets a broken file. It writes with bbolt directly,
// around the store's rules, which is the point.
package storetest

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

// ID is the key a record with that number is stored under.
func ID(n uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, n)
}

// Put stores value under key in bucket (which must exist), as is.
func Put(path, bucket string, key, value []byte) error {
	return update(path, func(tx *bolt.Tx) error { return tx.Bucket([]byte(bucket)).Put(key, value) })
}

// DeleteBucket removes a whole bucket.
func DeleteBucket(path, bucket string) error {
	return update(path, func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte(bucket)) })
}

// SetSequence sets a bucket's sequence, the last ID it handed out.
func SetSequence(path, bucket string, seq uint64) error {
	return update(path, func(tx *bolt.Tx) error { return tx.Bucket([]byte(bucket)).SetSequence(seq) })
}

func update(path string, f func(tx *bolt.Tx) error) error {
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		return err
	}
	if err := db.Update(f); err != nil {
		db.Close()
		return err
	}
	return db.Close()
}

// Swap exchanges the values of two records in bucket, as is.
func Swap(path, bucket string, a, b []byte) error {
	return update(path, func(tx *bolt.Tx) error {
		bk := tx.Bucket([]byte(bucket))
		va, vb := append([]byte(nil), bk.Get(a)...), append([]byte(nil), bk.Get(b)...)
		if err := bk.Put(a, vb); err != nil {
			return err
		}
		return bk.Put(b, va)
	})
}
