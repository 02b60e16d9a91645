package io.github.lambdainvoker.reliability;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A Lambda Invoke endpoint on the loopback interface for the load-style suites: Netty on
 * two threads, each request answered by a function of its body, persistent connections
 * except after a 5xx. Cheaper per request than WireMock, so that thousands of requests
 * take seconds on a small machine.
 */
final class LoopbackEndpoint implements AutoCloseable {

	private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

	private final Channel channel;

	LoopbackEndpoint(Function<byte[], Reply> answer) throws InterruptedException {
		this.channel = new ServerBootstrap().group(this.group)
			.channel(NioServerSocketChannel.class)
			.childHandler(new ChannelInitializer<SocketChannel>() {

				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline()
						.addLast(new HttpServerCodec(), new HttpObjectAggregator(8 * 1024 * 1024),
								new Answering(answer));
				}

			})
			.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
			.sync()
			.channel();
	}

	String url() {
		return "http://127.0.0.1:" + ((InetSocketAddress) this.channel.localAddress()).getPort();
	}

	@Override
	public void close() {
		this.channel.close().syncUninterruptibly();
		this.group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
	}

	/**
	 * The answer to one request.
	 *
	 * @param status the HTTP status
	 * @param errorType the {@code X-Amzn-ErrorType} header, or {@code null}
	 * @param body the JSON body
	 */
	record Reply(int status, String errorType, String body) {

		static Reply ok(String body) {
			return new Reply(200, null, body);
		}

		static Reply error(int status, String errorType) {
			return new Reply(status, errorType, "{\"message\":\"" + errorType + "\"}");
		}

	}

	private static final class Answering extends SimpleChannelInboundHandler<FullHttpRequest> {

		private final Function<byte[], Reply> answer;

		Answering(Function<byte[], Reply> answer) {
			this.answer = answer;
		}

		@Override
		protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
			Reply reply = this.answer.apply(ByteBufUtil.getBytes(request.content()));
			FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
					HttpResponseStatus.valueOf(reply.status()),
					Unpooled.wrappedBuffer(reply.body().getBytes(StandardCharsets.UTF_8)));
			response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
			if (reply.errorType() != null) {
				response.headers().set("X-Amzn-ErrorType", reply.errorType());
			}
			HttpUtil.setContentLength(response, response.content().readableBytes());
			// Under thousands of 5xx, the SDK's Netty client now and then reports a
			// request
			// sent on a connection it reused after a 5xx as closed during the request (an
			// unknown outcome, so not retried): closing after each 5xx keeps that out of
			// counts that are about retries.
			boolean keepAlive = HttpUtil.isKeepAlive(request) && reply.status() < 500;
			HttpUtil.setKeepAlive(response, keepAlive);
			ChannelFuture written = context.writeAndFlush(response);
			if (!keepAlive) {
				written.addListener(ChannelFutureListener.CLOSE);
			}
		}

	}

}
