package io.github.lambdainvoker.client;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

/**
 * A class loader that defines {@code @LambdaClient} interfaces on request, for tests that
 * need more clients than are worth writing: {@code test.generated.Client<n>}, annotated
 * {@code @LambdaClient("function-<n>")}, with one method {@code String quote(String)}.
 */
final class GeneratedClients extends ClassLoader {

	private static final String PACKAGE = "test.generated";

	GeneratedClients(ClassLoader parent) {
		super(parent);
	}

	/**
	 * Return the name of a generated client.
	 * @param index the number of the client
	 * @return its fully qualified name
	 */
	static String name(int index) {
		return PACKAGE + ".Client" + index;
	}

	@Override
	protected Class<?> findClass(String name) throws ClassNotFoundException {
		if (!name.startsWith(PACKAGE + ".Client")) {
			throw new ClassNotFoundException(name);
		}
		String index = name.substring((PACKAGE + ".Client").length());
		byte[] bytes = clientInterface(name.replace('.', '/'), "function-" + index);
		return defineClass(name, bytes, 0, bytes.length);
	}

	private static byte[] clientInterface(String internalName, String function) {
		ClassWriter writer = new ClassWriter(0);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE, internalName, null,
				"java/lang/Object", null);
		AnnotationVisitor annotation = writer.visitAnnotation(Type.getDescriptor(LambdaClient.class), true);
		annotation.visit("value", function);
		annotation.visitEnd();
		writer
			.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, "quote", "(Ljava/lang/String;)Ljava/lang/String;",
					null, null)
			.visitEnd();
		writer.visitEnd();
		return writer.toByteArray();
	}

}
