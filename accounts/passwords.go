package accounts

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/crypto/argon2"
)

// Password hashing: argon2id, stored as a PHC string so that the parameters can be
// raised later and old hashes still verify.
const (
	argonThreads = 2
	argonKeyLen  = 32
	saltLen      = 16
	// MinPasswordLength is the shortest password accepted for an account.
	MinPasswordLength = 10
	// MaxPasswordBytes caps what is hashed: argon2 reads the whole input, and a form
	// field can be megabytes.
	MaxPasswordBytes = 1024
)

// argonCost is the time and memory (KiB) of new hashes. Verification reads the cost
// from the stored hash, so changing it never locks anyone out.
type argonCost struct{ time, memory uint32 }

var (
	productionCost = argonCost{time: 2, memory: 64 * 1024}
	cost           atomic.Pointer[argonCost]
)

func init() { cost.Store(&productionCost) }

// UseCheapPasswordHashing makes new hashes cost almost nothing (t=1, 64 KiB). Only
// tests call it (in TestMain): production cost makes each hash take about a second on
// a busy 2-core machine, and a test suite hashes hundreds of times. The hashes stay
// real argon2id and verify the same way.
func UseCheapPasswordHashing() { cost.Store(&argonCost{time: 1, memory: 64}) }

// hashSlots bounds how many hashes run at once: each takes 64 MiB, and a burst of
// sign-in attempts must not exhaust memory.
var hashSlots = make(chan struct{}, max(2, runtime.NumCPU()))

var b64 = base64.RawStdEncoding

// HashPassword returns the argon2id PHC string of a password.
func HashPassword(password string) (string, error) { return hashWith(password, cost.Load()) }

func hashWith(password string, c *argonCost) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	hashSlots <- struct{}{}
	key := argon2.IDKey([]byte(password), salt, c.time, c.memory, argonThreads, argonKeyLen)
	<-hashSlots
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, c.memory, c.time, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

var errBadHash = errors.New("malformed password hash")

// VerifyPassword reports whether password matches the PHC string. A malformed or
// empty hash (an account with no password yet) never matches, but still costs one
// hash, so the time taken does not tell whether an account exists.
func VerifyPassword(phc, password string) bool {
	salt, want, t, m, p, err := parsePHC(phc)
	if err != nil {
		_ = dummyVerify(password)
		return false
	}
	hashSlots <- struct{}{}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	<-hashSlots
	return subtle.ConstantTimeCompare(got, want) == 1
}

var (
	dummyOnce sync.Once
	dummyHash string
)

// dummyVerify spends the time of a real verification; used for unknown usernames.
func dummyVerify(password string) bool {
	dummyOnce.Do(func() { dummyHash, _ = HashPassword("chitieu-dummy-password") })
	salt, want, t, m, p, err := parsePHC(dummyHash)
	if err != nil {
		return false
	}
	hashSlots <- struct{}{}
	_ = argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	<-hashSlots
	return false
}

// VerifyNoUser spends what VerifyPassword spends and returns false: call it when the
// username is unknown, so a wrong name and a wrong password look the same.
func VerifyNoUser(password string) bool { return dummyVerify(password) }

func parsePHC(phc string) (salt, key []byte, t, m uint32, p uint8, err error) {
	parts := strings.Split(phc, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return nil, nil, 0, 0, 0, errBadHash
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return nil, nil, 0, 0, 0, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 || m > 1<<22 || t > 32 {
		return nil, nil, 0, 0, 0, errBadHash
	}
	if salt, err = b64.DecodeString(parts[4]); err != nil {
		return nil, nil, 0, 0, 0, errBadHash
	}
	if key, err = b64.DecodeString(parts[5]); err != nil || len(key) < 16 {
		return nil, nil, 0, 0, 0, errBadHash
	}
	return salt, key, t, m, p, nil
}

// RandomPassword returns a password of 20 characters from an alphabet without
// look-alikes (no 0/O, 1/l/I), for one-time passwords printed or shown once.
func RandomPassword() string {
	const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	out := make([]byte, 0, 20)
	buf := make([]byte, 64)
	for len(out) < 20 {
		if _, err := rand.Read(buf); err != nil {
			panic("crypto/rand: " + err.Error())
		}
		for _, c := range buf {
			// Rejection sampling keeps every character equally likely.
			if int(c) < 256-256%len(alphabet) && len(out) < 20 {
				out = append(out, alphabet[int(c)%len(alphabet)])
			}
		}
	}
	return string(out)
}
