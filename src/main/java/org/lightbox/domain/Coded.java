package org.lightbox.domain;

/** A value whose stored and wire form is a short lower-case code (as on the central store), not its Java name. */
public interface Coded {
    String code();

    /** The constant of {@code type} whose code is {@code code}, or an {@link InvalidValueException} naming the choices. */
    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code, String what) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return constant;
            }
        }
        StringBuilder choices = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            choices.append(choices.length() == 0 ? "" : ", ").append(constant.code());
        }
        throw new InvalidValueException(code == null || code.isBlank()
                ? what + " is required (one of " + choices + ")"
                : what + " must be one of " + choices + ", not \"" + code.strip() + "\"");
    }
}
