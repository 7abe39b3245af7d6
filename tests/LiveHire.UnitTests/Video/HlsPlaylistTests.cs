using LiveHire.Realtime.Features.Video;

namespace LiveHire.UnitTests.Video;

public sealed class HlsPlaylistTests
{
    private static readonly SegmentEntry[] TwoEpochs =
    [
        new(1, 0, 1.0), new(1, 1, 1.04), new(1, 2, 0.96),
        new(2, 0, 1.5), new(2, 1, 1.0),
    ];

    [Fact]
    public void Vod_lists_every_segment_and_joins_epochs_with_a_discontinuity()
    {
        var vod = HlsPlaylist.Vod(TwoEpochs, ended: false);

        vod.ShouldStartWith("#EXTM3U\n");
        vod.ShouldContain("#EXT-X-PLAYLIST-TYPE:EVENT\n");
        vod.ShouldContain("#EXT-X-MEDIA-SEQUENCE:0\n");
        vod.ShouldContain("#EXT-X-TARGETDURATION:2\n");
        vod.ShouldContain("#EXTINF:0.960,\n001-000002.ts\n#EXT-X-DISCONTINUITY\n#EXTINF:1.500,\n002-000000.ts\n");
        vod.ShouldNotContain("#EXT-X-ENDLIST");
    }

    [Fact]
    public void Target_duration_is_the_longest_segment_rounded_to_the_nearest_second()
    {
        // Keyframes every second cut segments of about 1 s; a target of 2 would make players wait twice as far behind.
        HlsPlaylist.Live([new(1, 0, 1.0), new(1, 1, 1.04), new(1, 2, 1.49)], window: 3).ShouldContain("#EXT-X-TARGETDURATION:1\n");
        HlsPlaylist.Live([new(1, 0, 1.0), new(1, 1, 1.5)], window: 2).ShouldContain("#EXT-X-TARGETDURATION:2\n");
    }

    [Fact]
    public void Ended_vod_is_closed_with_endlist()
    {
        HlsPlaylist.Vod(TwoEpochs, ended: true).ShouldEndWith("002-000001.ts\n#EXT-X-ENDLIST\n");
    }

    [Fact]
    public void Live_playlist_slides_and_keeps_counting_segments_and_discontinuities()
    {
        var live = HlsPlaylist.Live(TwoEpochs, window: 2);

        live.ShouldContain("#EXT-X-MEDIA-SEQUENCE:3\n");
        live.ShouldContain("#EXT-X-DISCONTINUITY-SEQUENCE:1\n");
        live.ShouldNotContain("001-");
        live.ShouldNotContain("#EXT-X-DISCONTINUITY\n");
        live.ShouldNotContain("ENDLIST");
        live.ShouldEndWith("#EXTINF:1.500,\n002-000000.ts\n#EXTINF:1.000,\n002-000001.ts\n");
    }

    [Fact]
    public void Live_window_across_an_epoch_change_marks_it()
    {
        var live = HlsPlaylist.Live(TwoEpochs, window: 3);

        live.ShouldContain("#EXT-X-MEDIA-SEQUENCE:2\n#EXT-X-DISCONTINUITY-SEQUENCE:0\n");
        live.ShouldContain("001-000002.ts\n#EXT-X-DISCONTINUITY\n#EXTINF:1.500,\n002-000000.ts\n");
    }

    [Fact]
    public void Vod_reads_back_into_the_same_timeline()
    {
        HlsPlaylist.ParseVod(HlsPlaylist.Vod(TwoEpochs, ended: true)).ShouldBe(TwoEpochs.Select(s => s with { Duration = Math.Round(s.Duration, 3) }));
    }

    [Theory]
    [InlineData("live.m3u8", true)]
    [InlineData("vod.m3u8", true)]
    [InlineData("001-000002.ts", true)]
    [InlineData("../live.m3u8", false)]
    [InlineData("1-2.ts", false)]
    [InlineData("001-000002.ts.key", false)]
    [InlineData("stream.flv", false)]
    public void Only_playlists_and_segment_names_are_served(string file, bool servable)
    {
        VideoFiles.IsServable(file).ShouldBe(servable);
    }
}
