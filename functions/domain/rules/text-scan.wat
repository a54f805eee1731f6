;; The text readers' loops that must see every unit of a long text, in WebAssembly with 128-bit
;; vectors (eight UTF-16 units at a time), for Node: the Lambdas and `npm start` (text-scan.ts
;; copies a text's units into this memory; the form, in a browser, keeps the JavaScript loops).
;;
;; Source of text-scan-wasm.ts, which holds the compiled bytes: after an edit, run
;; `npm run build:wasm` (a unit test fails while the two differ).

(module
  ;; a text's units from offset 0, grown by text-scan.ts for a long text
  (memory (export "memory") 1)

  ;; How many of the n units from offset 0 are white space (JavaScript's \s) or the second half of
  ;; a surrogate pair: the units visibleLength does not count. n is a multiple of 8 (the caller
  ;; pads with units 0, which are neither).
  ;;
  ;; \s is 9-13, 0x20, 0xa0, 0x1680, 0x2000-0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000 and
  ;; 0xfeff; a second half is 0xdc00-0xdfff. Each is tested by a comparison of all eight units at
  ;; once (a range by a subtraction and an unsigned comparison); a unit in the set gives a lane of
  ;; all ones (-1), so subtracting the lanes counts it. Two passes over the units, each with the
  ;; constants of half the set: with them all in one loop they no longer fit in the processor's
  ;; vector registers, and the loop runs at half the speed.
  (func (export "uncounted") (param $n i32) (result i32)
    (local $p i32) (local $end i32) (local $v v128) (local $count v128)
    (local $c9 v128) (local $c4 v128) (local $c20 v128) (local $ca0 v128) (local $c3000 v128)
    (local $cdc00 v128) (local $c3ff v128)
    (local $c1680 v128) (local $c2000 v128) (local $c10 v128) (local $c2028 v128) (local $c1 v128)
    (local $c202f v128) (local $c205f v128) (local $cfeff v128)
    (local.set $end (i32.shl (local.get $n) (i32.const 1)))

    ;; 9-13, 0x20, 0xa0, 0x3000, 0xdc00-0xdfff: the blanks of most texts
    (local.set $c9 (i16x8.splat (i32.const 9)))
    (local.set $c4 (i16x8.splat (i32.const 4)))
    (local.set $c20 (i16x8.splat (i32.const 0x20)))
    (local.set $ca0 (i16x8.splat (i32.const 0xa0)))
    (local.set $c3000 (i16x8.splat (i32.const 0x3000)))
    (local.set $cdc00 (i16x8.splat (i32.const 0xdc00)))
    (local.set $c3ff (i16x8.splat (i32.const 0x3ff)))
    (local.set $p (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $count
          (i16x8.sub (local.get $count)
            (v128.or
              (v128.or
                (i16x8.le_u (i16x8.sub (local.get $v) (local.get $c9)) (local.get $c4))
                (i16x8.eq (local.get $v) (local.get $c20)))
              (v128.or
                (v128.or
                  (i16x8.eq (local.get $v) (local.get $ca0))
                  (i16x8.eq (local.get $v) (local.get $c3000)))
                (i16x8.le_u (i16x8.sub (local.get $v) (local.get $cdc00)) (local.get $c3ff))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next)))

    ;; 0x1680, 0x2000-0x200a, 0x2028-0x2029, 0x202f, 0x205f, 0xfeff: the rare ones
    (local.set $c1680 (i16x8.splat (i32.const 0x1680)))
    (local.set $c2000 (i16x8.splat (i32.const 0x2000)))
    (local.set $c10 (i16x8.splat (i32.const 10)))
    (local.set $c2028 (i16x8.splat (i32.const 0x2028)))
    (local.set $c1 (i16x8.splat (i32.const 1)))
    (local.set $c202f (i16x8.splat (i32.const 0x202f)))
    (local.set $c205f (i16x8.splat (i32.const 0x205f)))
    (local.set $cfeff (i16x8.splat (i32.const 0xfeff)))
    (local.set $p (i32.const 0))
    (block $done2
      (loop $next2
        (br_if $done2 (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $count
          (i16x8.sub (local.get $count)
            (v128.or
              (v128.or
                (v128.or
                  (i16x8.eq (local.get $v) (local.get $c1680))
                  (i16x8.le_u (i16x8.sub (local.get $v) (local.get $c2000)) (local.get $c10)))
                (i16x8.le_u (i16x8.sub (local.get $v) (local.get $c2028)) (local.get $c1)))
              (v128.or
                (v128.or
                  (i16x8.eq (local.get $v) (local.get $c202f))
                  (i16x8.eq (local.get $v) (local.get $c205f)))
                (i16x8.eq (local.get $v) (local.get $cfeff))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next2)))

    ;; the eight lanes' counts (the sets are apart: each lane at most n / 8, below 2^16 for the n
    ;; text-scan.ts passes, under 2^18)
    (local.set $count (i32x4.extadd_pairwise_i16x8_u (local.get $count)))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $count)) (i32x4.extract_lane 1 (local.get $count)))
      (i32.add (i32x4.extract_lane 2 (local.get $count)) (i32x4.extract_lane 3 (local.get $count)))))
)
