package procshell.runtime.node;

/**
 * The classes behind {@link Tuple}: one per arity up to six, holding the elements in fields (a
 * 2-tuple is one object of 24 bytes instead of 16 plus a 24-byte array), and one for larger
 * tuples, holding an array. Only {@link Tuple#of} makes them.
 */
final class SmallTuples {
    private SmallTuples() {}

    static final Tuple EMPTY = new TN(new Object[0]);

    static IndexOutOfBoundsException outside(int index, int size) {
        return new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
    }

    static final class T1 extends Tuple {
        private final Object a;

        T1(Object a) {
            this.a = a;
        }

        @Override
        public int size() {
            return 1;
        }

        @Override
        public Object get(int i) {
            if (i == 0) return a;
            throw outside(i, 1);
        }
    }

    static final class T2 extends Tuple {
        private final Object a, b;

        T2(Object a, Object b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public int size() {
            return 2;
        }

        @Override
        public Object get(int i) {
            return switch (i) {
                case 0 -> a;
                case 1 -> b;
                default -> throw outside(i, 2);
            };
        }

        @Override
        public boolean isTagged(Atom tag, int size) {
            return size == 2 && tag.equals(a);
        }
    }

    static final class T3 extends Tuple {
        private final Object a, b, c;

        T3(Object a, Object b, Object c) {
            this.a = a;
            this.b = b;
            this.c = c;
        }

        @Override
        public int size() {
            return 3;
        }

        @Override
        public Object get(int i) {
            return switch (i) {
                case 0 -> a;
                case 1 -> b;
                case 2 -> c;
                default -> throw outside(i, 3);
            };
        }

        @Override
        public boolean isTagged(Atom tag, int size) {
            return size == 3 && tag.equals(a);
        }
    }

    static final class T4 extends Tuple {
        private final Object a, b, c, d;

        T4(Object a, Object b, Object c, Object d) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = d;
        }

        @Override
        public int size() {
            return 4;
        }

        @Override
        public Object get(int i) {
            return switch (i) {
                case 0 -> a;
                case 1 -> b;
                case 2 -> c;
                case 3 -> d;
                default -> throw outside(i, 4);
            };
        }
    }

    static final class T5 extends Tuple {
        private final Object a, b, c, d, e;

        T5(Object a, Object b, Object c, Object d, Object e) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = d;
            this.e = e;
        }

        @Override
        public int size() {
            return 5;
        }

        @Override
        public Object get(int i) {
            return switch (i) {
                case 0 -> a;
                case 1 -> b;
                case 2 -> c;
                case 3 -> d;
                case 4 -> e;
                default -> throw outside(i, 5);
            };
        }
    }

    static final class T6 extends Tuple {
        private final Object a, b, c, d, e, f;

        T6(Object a, Object b, Object c, Object d, Object e, Object f) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = d;
            this.e = e;
            this.f = f;
        }

        @Override
        public int size() {
            return 6;
        }

        @Override
        public Object get(int i) {
            return switch (i) {
                case 0 -> a;
                case 1 -> b;
                case 2 -> c;
                case 3 -> d;
                case 4 -> e;
                case 5 -> f;
                default -> throw outside(i, 6);
            };
        }
    }

    /** Seven elements or more, or none, in an array. */
    static final class TN extends Tuple {
        private final Object[] elements;

        TN(Object[] elements) {
            this.elements = elements;
        }

        @Override
        public int size() {
            return elements.length;
        }

        @Override
        public Object get(int i) {
            return elements[i];
        }

        @Override
        public Object[] toArray() {
            return elements.clone();
        }
    }
}
